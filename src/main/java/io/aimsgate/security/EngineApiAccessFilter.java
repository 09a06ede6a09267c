package io.aimsgate.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.security.EngineApiAllowlist.Api;
import io.aimsgate.security.EngineApiAllowlist.Caller;
import io.aimsgate.security.EngineApiAllowlist.Rule;
import io.aimsgate.shared.CachedBodyRequest;
import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link EngineApiAllowlist} on {@code /engine-rest/**} and {@code /camunda/api/**}: an operation no role
 * needs, or one the caller's groups do not cover, is answered 403 problem+json (401 without a login) before Camunda
 * sees it. Runs after Spring Security and the engine authentication filter, so the caller is known: from Spring
 * Security on /engine-rest, from the webapps' login session (or the Keycloak login) on /camunda/api.
 */
class EngineApiAccessFilter extends OncePerRequestFilter {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api/";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine";
    private static final String ENGINE_NAME = "default";
    /** Claim bodies are a user id; anything larger is not a claim. */
    private static final int MAX_CLAIM_BODY = 4096;

    private final ProcessEngine engine;
    private final ObjectMapper mapper = new ObjectMapper();

    EngineApiAccessFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The addressed API and the operation's path inside it, or empty for a path outside every known API. */
    record Target(Api api, String path) {

        static Optional<Target> of(String uri) {
            if (uri.equals(ENGINE_REST) || uri.startsWith(ENGINE_REST + "/")) {
                return engine(uri.substring(ENGINE_REST.length()));
            }
            if (uri.equals(WEBAPP_ENGINE) || uri.startsWith(WEBAPP_ENGINE + "/")) {
                // The webapps' engine API names the engine first: /camunda/api/engine/engine/default/task...
                return engine("/engine" + uri.substring(WEBAPP_ENGINE.length()));
            }
            for (Api app : List.of(Api.COCKPIT, Api.TASKLIST, Api.ADMIN, Api.WELCOME)) {
                String prefix = WEBAPP_API + app.name().toLowerCase();
                if (uri.equals(prefix) || uri.startsWith(prefix + "/")) {
                    return Optional.of(new Target(app, uri.substring(prefix.length())));
                }
            }
            // Any other API under /camunda/api is no one's.
            return uri.startsWith(WEBAPP_API) ? Optional.of(new Target(null, uri)) : Optional.empty();
        }

        /** The default engine's operations under their own path; /engine alone lists the engines. */
        private static Optional<Target> engine(String path) {
            String named = "/engine/" + ENGINE_NAME;
            if (path.equals(named) || path.startsWith(named + "/")) {
                path = path.substring(named.length());
            } else if (path.startsWith("/engine/") && !path.equals("/engine/")) {
                // Another engine's name: this platform runs only the default engine.
                return Optional.of(new Target(null, path));
            } else if (path.equals("/engine/")) {
                path = "/engine";
            }
            return Optional.of(new Target(Api.ENGINE, path.isEmpty() ? "/" : path));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = pathOf(request);
        return !(uri.startsWith(ENGINE_REST) || uri.startsWith(WEBAPP_API));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = pathOf(request);
        Optional<Target> target = Target.of(uri);
        if (target.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = callerOf(request, target.get().api());
        Api api = target.get().api();
        String path = target.get().path();
        Optional<Rule> rule = api == null ? Optional.empty()
                : EngineApiAllowlist.allowing(api, request.getMethod(), path, caller);
        if (rule.isEmpty()) {
            List<Rule> named = api == null ? List.of() : EngineApiAllowlist.matching(api, request.getMethod(), path);
            deny(response, caller, named.isEmpty()
                    ? "No role may call " + request.getMethod() + " " + uri + " (docs/security.md lists what each may)."
                    : "Only " + named.get(0).audience().who() + " may call " + request.getMethod() + " " + uri + ".");
            return;
        }
        HttpServletRequest forwarded = request;
        switch (rule.get().check()) {
            case SELF_CLAIM -> {
                byte[] body = request.getInputStream().readNBytes(MAX_CLAIM_BODY + 1);
                String claimant = claimantOf(body);
                if (body.length > MAX_CLAIM_BODY || (claimant != null && !claimant.equals(caller.userId()))) {
                    deny(response, caller, "Tasks are claimed by the person who works them: "
                            + caller.userId() + " cannot claim for " + claimant + ".");
                    return;
                }
                forwarded = new CachedBodyRequest(request, body);
            }
            case OWN_UNCLAIM -> {
                String taskId = segment(path, 2);
                String assignee = assigneeOf(taskId);
                if (assignee != null && !assignee.equals(caller.userId())) {
                    deny(response, caller, "Only the assignee gives a task back; it is assigned to someone else.");
                    return;
                }
                if (assignee != null) {
                    // Candidates hold TASK_WORK, which claims but does not unassign: the assignee's own give-back
                    // is done here, as that user (recorded in the operation log), and nothing else is.
                    unclaimAs(caller, taskId);
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
            }
            case START -> {
                String key = processKeyOf(path);
                if (key != null && !mayStart(caller, key)) {
                    deny(response, caller, EngineApiAllowlist.GOVERNED_PROCESSES.contains(key)
                            ? "'" + key + "' is started only by the roles that start it, through its own checks."
                            : "Only members of a RACI group or of camunda-admin start processes.");
                    return;
                }
            }
            case NONE -> {
            }
        }
        chain.doFilter(forwarded, response);
    }

    static boolean mayStart(Caller caller, String key) {
        if (EngineApiAllowlist.GOVERNED_PROCESSES.contains(key)) {
            return caller.raci() && EngineApiAllowlist.STARTABLE_PROCESSES.contains(key);
        }
        // Not one of the platform's processes: engine authorisation (CREATE_INSTANCE) decides, as for any definition.
        return caller.raci() || caller.admin();
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void deny(HttpServletResponse response, Caller caller, String detail) throws IOException {
        if (!caller.authenticated()) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorised", "Unauthorised",
                    "Log in first.", Map.of());
            return;
        }
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
    }

    /**
     * On /engine-rest the user Spring Security authenticated; on the webapps' API the user of the webapps' login
     * session, or (Keycloak) the single sign-on user.
     */
    private static Caller callerOf(HttpServletRequest request, Api api) {
        if (!pathOf(request).startsWith(ENGINE_REST)) {
            HttpSession session = request.getSession(false);
            Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null
                    && authentications.getAuthenticationForProcessEngine(ENGINE_NAME) instanceof UserAuthentication user) {
                return new Caller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            return Caller.ANONYMOUS;
        }
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(SpringSecurityEngineAuthenticationProvider::isGroup)
                .toList());
    }

    private String claimantOf(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.hasNonNull("userId") ? node.get("userId").asText() : null;
        } catch (IOException notJson) {
            // The engine answers a malformed body itself (400).
            return null;
        }
    }

    /** The n-th segment of /task/{id}/unclaim (1-based), i.e. the id. */
    private static String segment(String path, int index) {
        String[] parts = path.split("/");
        return parts.length > index ? parts[index] : "";
    }

    /** The task's assignee, looked up without the caller's authorisation (they named the task). */
    private String assigneeOf(String taskId) {
        return withoutAuthorisation(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : task.getAssignee();
        });
    }

    private void unclaimAs(Caller caller, String taskId) {
        IdentityService identity = engine.getIdentityService();
        org.camunda.bpm.engine.impl.identity.Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            withoutAuthorisation(context -> new AssignTaskCmd(taskId, null).execute(context));
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            } else {
                identity.clearAuthentication();
            }
        }
    }

    /** The key of the process definition a start addresses (by key, or looked up by id); null if unknown. */
    private String processKeyOf(String path) {
        String[] parts = path.split("/");
        // /process-definition/key/{key}/start or /process-definition/{id}/start
        if (parts.length > 3 && parts[2].equals("key")) {
            return parts[3];
        }
        String id = parts.length > 2 ? parts[2] : "";
        return withoutAuthorisation(context -> {
            ProcessDefinitionEntity definition = context.getProcessDefinitionManager().findLatestDefinitionById(id);
            return definition == null ? null : definition.getKey();
        });
    }

    private <T> T withoutAuthorisation(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return command.execute(context);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}
