package io.aimsgate.security;

import io.aimsgate.raci.PlatformProcesses;

import io.aimsgate.raci.RaciGroups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Deny by default for Camunda's APIs: the one table of engine REST ({@code /engine-rest/**}, and the same operations
 * under the webapps' {@code /camunda/api/engine/engine/default/**}) and webapp API ({@code /camunda/api/{cockpit,
 * tasklist,admin,welcome}/**}) operations, each with who may call it. An operation not in this table is refused
 * (403, or 401 without a login) before Camunda sees it. Engine authorisation and the gates' task listeners still
 * decide inside what is let through; this table only closes the doors no role needs.
 *
 * <p>What each group may do and why is in docs/security.md, whose matrix the HTTP test compares with the server.
 */
final class EngineApiAllowlist {

    /** Which Camunda API a request addresses. */
    enum Api {
        /** The engine REST API: /engine-rest and the webapps' /camunda/api/engine/engine/default. */
        ENGINE,
        COCKPIT,
        TASKLIST,
        ADMIN,
        WELCOME
    }

    /** Who may call an operation (with the words a refusal uses for them). */
    enum Audience {
        /** Anyone, also without a login: the webapps' login and their static plugin code. */
        ANYONE,
        /** Any logged-in user, also one outside every group (who then sees nothing: engine authorisation). */
        USER,
        /** A member of a RACI group or of camunda-admin. */
        PARTICIPANT,
        /** A member of a RACI group: the people who work the gates' tasks. camunda-admin alone is not enough. */
        RACI,
        /** Cockpit users: the governance board, auditors and camunda-admin (EngineAuthorizationSetup). */
        COCKPIT,
        /** camunda-admin: Admin (users, groups, authorisations), filters, deployments and job repair. */
        ADMIN;

        String who() {
            return switch (this) {
                case ANYONE -> "anyone";
                case USER -> "logged-in users";
                case PARTICIPANT -> "members of a RACI group or of camunda-admin";
                case RACI -> "members of a RACI group (the roles that decide; camunda-admin alone does not)";
                case COCKPIT -> "Cockpit users (governance-board, auditors, camunda-admin)";
                case ADMIN -> "administrators (camunda-admin)";
            };
        }
    }

    /** A check on the addressed task or process beyond the caller's groups. */
    enum Check {
        NONE,
        /** A claim names the caller: approvers claim for themselves. */
        SELF_CLAIM,
        /** Only the assignee gives a task back. */
        OWN_UNCLAIM,
        /**
         * Starting a process: our governed processes only by a RACI group and only the ones a role starts by hand
         * (never by camunda-admin alone); for a process that is not ours (e.g. an operator's probe) engine
         * authorisation decides.
         */
        START
    }

    /** Groups with Cockpit access (EngineAuthorizationSetup grants cockpit to the overseers; admins have every app). */
    static final Set<String> COCKPIT_GROUPS = Set.of(RaciGroups.GOVERNANCE_BOARD, RaciGroups.AUDITORS,
            AccessRules.ADMIN_GROUP);

    /** Every process AIMS Gate deploys: each of their user tasks is a governed task. */
    static final Set<String> GOVERNED_PROCESSES = Set.of("deployment-approval", "inception", "design-development",
            "verification-validation", "re-evaluation", "retirement", "incident-escalation", "nonconformity",
            "corrective-action");

    /**
     * Governed processes a role starts by hand (Tasklist's "Start process" or engine REST): the models that declare
     * {@code camunda:candidateStarterGroups}; engine authorisation (CREATE_INSTANCE, granted from the same
     * declaration) then decides which group. corrective-action declares none: its incident or nonconformity starts it.
     */
    static final Set<String> STARTABLE_PROCESSES = PlatformProcesses.startableByHand();

    /** One allowed operation. */
    record Rule(Api api, String method, String pattern, Audience audience, Check check, PathPattern parsed) {

        boolean matches(Api requestApi, String requestMethod, PathContainer path) {
            return api == requestApi && method.equals(requestMethod) && parsed.matches(path);
        }
    }

    /** A caller: user id (null when anonymous) and groups. */
    record Caller(String userId, Collection<String> groups) {

        static final Caller ANONYMOUS = new Caller(null, List.of());

        boolean authenticated() {
            return userId != null;
        }

        boolean inAny(Collection<String> wanted) {
            return groups.stream().anyMatch(wanted::contains);
        }

        boolean raci() {
            return inAny(RaciGroups.ALL);
        }

        boolean admin() {
            return groups.contains(AccessRules.ADMIN_GROUP);
        }

        boolean fits(Audience audience) {
            return switch (audience) {
                case ANYONE -> true;
                case USER -> authenticated();
                case PARTICIPANT -> authenticated() && (raci() || admin());
                case RACI -> authenticated() && raci();
                case COCKPIT -> authenticated() && inAny(COCKPIT_GROUPS);
                case ADMIN -> authenticated() && admin();
            };
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    static final List<Rule> RULES = rules();

    private EngineApiAllowlist() {
    }

    /** The rules that name this operation, for whomever; empty when no role needs it. */
    static List<Rule> matching(Api api, String method, String path) {
        // The webapps' clients write some collections with a trailing slash (OPTIONS /user/).
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        PathContainer container = PathContainer.parsePath(trimmed);
        return RULES.stream().filter(rule -> rule.matches(api, method, container)).toList();
    }

    /** The rule that lets this caller call the operation, if any. */
    static Optional<Rule> allowing(Api api, String method, String path, Caller caller) {
        return matching(api, method, path).stream().filter(rule -> caller.fits(rule.audience())).findFirst();
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        Builder engine = new Builder(rules, Api.ENGINE);

        // --- Reading what a logged-in user may see (engine authorisation filters every answer) -------------------
        // OPTIONS answers which links the caller's authorisations offer (Tasklist and Admin ask before showing a button).
        engine.rule("OPTIONS", "/**", Audience.USER, Check.NONE);
        // The webapps list the engines before their login page shows (on /engine-rest the API chain asks a login).
        engine.get(Audience.ANYONE, "/engine");
        engine.get(Audience.USER, "/version", "/user/{id}/profile", "/identity/groups",
                "/authorization/check");
        // Tasklist: filters, task lists and the task's form, variables, identity links, comments and attachments.
        engine.get(Audience.USER, "/filter", "/filter/count", "/filter/{id}", "/filter/{id}/list",
                "/filter/{id}/count", "/filter/{id}/singleResult");
        engine.post(Audience.USER, "/filter/{id}/list", "/filter/{id}/count", "/filter/{id}/singleResult");
        engine.get(Audience.USER, "/task", "/task/count", "/task/{id}", "/task/{id}/**");
        engine.post(Audience.USER, "/task", "/task/count");
        // Start forms and diagrams (Tasklist's "Start process" and the task's diagram tab).
        engine.get(Audience.USER, "/process-definition", "/process-definition/count", "/process-definition/{id}",
                "/process-definition/{id}/**", "/process-definition/key/{key}", "/process-definition/key/{key}/**");
        // Tasklist's history tab of a task.
        engine.get(Audience.USER, "/history/user-operation", "/history/user-operation/count");
        // Names of users and groups shown in Tasklist (assignee, candidate groups).
        engine.get(Audience.PARTICIPANT, "/user", "/user/count", "/group", "/group/count", "/group/{id}",
                "/decision-definition", "/decision-definition/count", "/decision-definition/{id}",
                "/decision-definition/{id}/**", "/decision-definition/key/{key}", "/decision-definition/key/{key}/**",
                "/decision-requirements-definition", "/decision-requirements-definition/**");

        // --- Working governed tasks: claim for oneself, give back one's own, comment, complete -------------------
        engine.rule("POST", "/task/{id}/claim", Audience.RACI, Check.SELF_CLAIM);
        engine.rule("POST", "/task/{id}/unclaim", Audience.RACI, Check.OWN_UNCLAIM);
        engine.post(Audience.RACI, "/task/{id}/complete", "/task/{id}/submit-form", "/task/{id}/comment/create");

        // --- Starting a process (engine authorisation: CREATE_INSTANCE per group) ---------------------------------
        for (String start : List.of("/process-definition/{id}/start", "/process-definition/{id}/submit-form",
                "/process-definition/key/{key}/start", "/process-definition/key/{key}/submit-form")) {
            engine.rule("POST", start, Audience.PARTICIPANT, Check.START);
        }

        // --- Cockpit: reading instances, history, jobs, incidents, deployments -----------------------------------
        engine.get(Audience.COCKPIT, "/process-instance", "/process-instance/**", "/execution", "/execution/**",
                "/variable-instance", "/variable-instance/**", "/history/**", "/incident", "/incident/**", "/job",
                "/job/**", "/job-definition", "/job-definition/**", "/deployment", "/deployment/**", "/external-task",
                "/external-task/**", "/batch", "/batch/**", "/event-subscription", "/event-subscription/**", "/case-definition", "/case-definition/**", "/case-instance",
                "/case-instance/**");
        engine.post(Audience.COCKPIT, "/process-instance", "/process-instance/count", "/execution",
                "/execution/count", "/variable-instance", "/variable-instance/count", "/job", "/job/count",
                "/job-definition", "/job-definition/count", "/external-task", "/external-task/count");
        for (String kind : List.of("process-instance", "activity-instance", "task", "variable-instance", "detail",
                "incident", "job-log", "decision-instance", "external-task-log", "identity-link-log",
                "user-operation", "process-definition/cleanable-process-instance-report")) {
            engine.post(Audience.COCKPIT, "/history/" + kind, "/history/" + kind + "/count");
        }

        // --- Administration: identity, authorisations, filters, deployments, job repair, diagnostics ------------
        engine.get(Audience.ADMIN, "/user/{id}", "/user/{id}/**", "/group/**", "/authorization",
                "/authorization/count", "/authorization/{id}", "/tenant", "/tenant/**", "/identity/password-policy",
                "/metrics", "/metrics/**", "/telemetry/**", "/schema/log");
        engine.post(Audience.ADMIN, "/user/create", "/group/create", "/authorization/create", "/tenant/create",
                "/identity/password-policy", "/schema/log", "/filter/create", "/deployment/create",
                "/job/{id}/execute");
        engine.put(Audience.ADMIN, "/user/{id}/profile", "/user/{id}/credentials", "/group/{id}",
                "/group/{id}/members/{userId}", "/authorization/{id}", "/tenant/{id}", "/tenant/{id}/user-members/{u}",
                "/tenant/{id}/group-members/{g}", "/filter/{id}", "/job/{id}/retries", "/job-definition/{id}/retries");
        engine.delete(Audience.ADMIN, "/user/{id}", "/group/{id}", "/group/{id}/members/{userId}",
                "/authorization/{id}", "/tenant/{id}", "/tenant/{id}/user-members/{u}",
                "/tenant/{id}/group-members/{g}", "/filter/{id}", "/deployment/{id}");

        // --- The webapps' own APIs ------------------------------------------------------------------------------
        for (Api app : List.of(Api.COCKPIT, Api.TASKLIST, Api.ADMIN, Api.WELCOME)) {
            // The webapps' plugin code, loaded before the login page.
            new Builder(rules, app).get(Audience.ANYONE, "/plugin/{plugin}/static/**");
        }
        Builder admin = new Builder(rules, Api.ADMIN);
        admin.get(Audience.ANYONE, "/auth/user/{engine}");
        admin.post(Audience.ANYONE, "/auth/user/{engine}/login/{app}", "/auth/user/{engine}/logout",
                // First-run setup: AdminSetupGuardFilter closes it once the platform has a user.
                "/setup/{engine}/user/create");
        admin.get(Audience.ADMIN, "/plugin/**");
        admin.post(Audience.ADMIN, "/plugin/**");
        Builder cockpit = new Builder(rules, Api.COCKPIT);
        cockpit.get(Audience.COCKPIT, "/plugin/**");
        cockpit.post(Audience.COCKPIT, "/plugin/**");
        new Builder(rules, Api.TASKLIST).get(Audience.USER, "/plugin/**");
        new Builder(rules, Api.WELCOME).get(Audience.USER, "/plugin/**");
        return List.copyOf(rules);
    }

    private record Builder(List<Rule> rules, Api api) {

        void rule(String method, String pattern, Audience audience, Check check) {
            rules.add(new Rule(api, method, pattern, audience, check, PARSER.parse(pattern)));
        }

        void get(Audience audience, String... patterns) {
            each("GET", audience, patterns);
        }

        void post(Audience audience, String... patterns) {
            each("POST", audience, patterns);
        }

        void put(Audience audience, String... patterns) {
            each("PUT", audience, patterns);
        }

        void delete(Audience audience, String... patterns) {
            each("DELETE", audience, patterns);
        }

        private void each(String method, Audience audience, String... patterns) {
            for (String pattern : patterns) {
                rule(method, pattern, audience, Check.NONE);
            }
        }
    }
}
