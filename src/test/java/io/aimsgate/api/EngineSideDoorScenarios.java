package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.SecurityMatrix;
import io.aimsgate.support.SecurityMatrix.Row;
import io.aimsgate.support.WebappSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Camunda's side doors (issue 13), over real HTTP: the authorisation matrix of docs/security.md compared with the
 * running server, and one reproduction per finding. Runs with the other HTTP scenarios on H2 and on PostgreSQL.
 */
abstract class EngineSideDoorScenarios extends AbstractApiScenarios {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationOfTheMatrixAnswersAsDocumented() {
        List<Row> rows = SecurityMatrix.read();
        Map<String, WebappSession> sessions = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Row row : rows) {
            for (Map.Entry<String, Boolean> cell : row.allowed().entrySet()) {
                String user = SecurityMatrix.DEMO_PRINCIPALS.get(cell.getKey());
                Response response = call(row, user, sessions);
                calls++;
                boolean denied = SecurityMatrix.denied(response.status());
                if (response.status() >= 500) {
                    mismatches.add(cell.getKey() + ": " + response + " (a server error)");
                } else if (cell.getValue() == denied) {
                    mismatches.add(cell.getKey() + " expected " + (cell.getValue() ? "allowed" : "denied") + ": "
                            + response);
                } else if (denied && !refusalBody(response)) {
                    mismatches.add(cell.getKey() + ": refusal without a problem (or Camunda error) body: " + response);
                }
            }
        }
        assertThat(mismatches).as(calls + " calls; the server differs from " + SecurityMatrix.DOCUMENT).isEmpty();
    }

    /** Every /api endpoint the server maps is a row of the matrix: a new endpoint cannot go undocumented. */
    @Test
    void everyApiEndpointIsInTheMatrix() {
        Set<String> documented = SecurityMatrix.read().stream().map(Row::operation).collect(Collectors.toSet());
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(served).isNotEmpty();
        assertThat(documented).as("operations in " + SecurityMatrix.DOCUMENT).containsAll(served);
    }

    private String myTasksFilter;

    /** The shared "My tasks" filter, readable by every user: filter rows address a filter that exists. */
    private String myTasksFilter() {
        if (myTasksFilter == null) {
            myTasksFilter = admin.get("/engine-rest/filter?name=My%20tasks").expect(200).json().get(0).get("id")
                    .asText();
        }
        return myTasksFilter;
    }

    private Response call(Row row, String user, Map<String, WebappSession> sessions) {
        String me = user == null ? "nobody" : user;
        String path = row.concretePath(me, myTasksFilter());
        String body = switch (row.method()) {
            case "GET", "DELETE" -> null;
            default -> row.path().startsWith("/api/") ? apiBody(row.path()) : row.engineBody(me);
        };
        if (row.path().startsWith("/camunda/")) {
            WebappSession session = sessions.computeIfAbsent(String.valueOf(user), u -> user == null
                    ? WebappSession.anonymous(port)
                    : WebappSession.login(port, user, "admin".equals(user) ? Api.ADMIN_PASSWORD : Api.DEMO_PASSWORD));
            return session.request(row.method(), path, body);
        }
        Caller caller = user == null ? api.anonymous() : api.as(user);
        return caller.send(row.method(), path, body, body == null ? null : "application/json");
    }

    /** A valid body for an /api write (our controllers validate a body before they check the caller's role). */
    private static String apiBody(String path) {
        if ("/api/systems".equals(path)) {
            // The one write that succeeds for its roles: a new system with a name of its own.
            return json(systemBody("Matrix probe " + uniqueToken(), "MINIMAL"));
        }
        Object body = API_BODIES.get(path);
        return json(body == null ? Map.of() : body);
    }

    /**
     * Valid bodies for /api writes (our controllers validate a body before they check the caller's role): aimed at ids
     * of nothing, so an allowed caller gets 404 and nothing is written, except a new system.
     */
    static final Map<String, Object> API_BODIES = apiBodies();

    private static Map<String, Object> apiBodies() {
        Map<String, Object> bodies = new HashMap<>();
        String digest = "ab".repeat(32);
        bodies.put("/api/systems/{systemId}", systemBody("Matrix probe", "MINIMAL"));
        bodies.put("/api/systems/{systemId}/versions", Map.of("versionLabel", "9.9.9", "artifactSha256", digest));
        bodies.put("/api/systems/{systemId}/versions/{versionLabel}", Map.of("artifactSha256", digest));
        bodies.put("/api/systems/{systemId}/risks", riskBody(2, 2, "Matrix probe"));
        bodies.put("/api/systems/{systemId}/risks/{riskId}", riskBody(2, 2, "Matrix probe"));
        bodies.put("/api/systems/{systemId}/risks/{riskId}/transitions",
                Map.of("status", "MITIGATED", "reason", "Matrix probe of the transition"));
        bodies.put("/api/incidents", Map.of("systemId", 999999999, "versionLabels", List.of("9.9.9"), "type",
                "MODEL_DRIFT", "description", "Matrix probe incident", "detectedAt",
                java.time.Instant.now().minusSeconds(3600).toString()));
        bodies.put("/api/incidents/{incidentId}/evidence", Map.of("kind", "LOG", "reference", "matrix-probe"));
        bodies.put("/api/incidents/{incidentId}/risks", Map.of("strideCategory", "TAMPERING", "title",
                "Matrix probe", "likelihood", 2, "impact", 2));
        bodies.put("/api/corrective-actions/{actionId}/status", Map.of("status", "DONE"));
        bodies.put("/api/audit/checkpoints", Map.of("reason", "Matrix probe of an on-demand checkpoint"));
        bodies.put("/api/internal-audits", Map.of("title", "Matrix probe audit", "scopeSystemIds", List.of(999999999),
                "criteria", "Matrix probe criteria", "frequency", "ONE_OFF", "plannedStart", "2026-01-01",
                "leadAuditor", "alex"));
        bodies.put("/api/internal-audits/{auditId}/start", Map.of("note", "Matrix probe of an audit start"));
        bodies.put("/api/internal-audits/{auditId}/checklist/{controlId}", Map.of("result", "CONFORMS",
                "evidenceRevisionIds", List.of(999999999)));
        bodies.put("/api/controls/{controlId}", Map.of("applicable", true, "justification",
                "Matrix probe of a control record", "implementationStatus", "PLANNED", "owner", "mia"));
        bodies.put("/api/controls/{controlId}/risks", Map.of("riskIds", List.of(999999999)));
        bodies.put("/api/controls/{controlId}/evidence", Map.of("evidenceFileIds", List.of(999999999)));
        // based on a version that is not in force: refused (409) after the caller's rights, so no version starts
        bodies.put("/api/soa/versions", Map.of("note", "Matrix probe of an SoA version", "basedOnVersionNo",
                999999999));
        bodies.put("/api/nonconformities", Map.of("systemId", 999999999, "source", "INTERNAL_AUDIT", "requirement",
                "A.6.2.4", "description", "Matrix probe nonconformity"));
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", "Matrix probe data");
        dataset.put("purpose", "TRAINING");
        dataset.put("source", "Matrix probe");
        dataset.put("collectionMethod", "Matrix probe");
        dataset.put("legalBasis", "OWN_DATA");
        dataset.put("copyrightChecked", true);
        dataset.put("personalDataCategories", List.of());
        dataset.put("personalDataTreatment", "NONE");
        dataset.put("synthetic", false);
        bodies.put("/api/systems/{systemId}/datasets", dataset);
        bodies.put("/api/systems/{systemId}/datasets/{datasetId}", dataset);
        bodies.put("/api/systems/{systemId}/validations", Map.of("versionLabel", "9.9.9", "metrics",
                List.of(Map.of("kind", "PERFORMANCE", "metric", "accuracy", "value", 0.91)), "robustnessNotes",
                "Matrix probe", "explainabilityNotes", "Matrix probe", "modelCard", Map.of("intendedUse", "Probe",
                        "limitations", "Probe", "failureCases", "Probe", "trainingData", "Probe")));
        bodies.put("/api/systems/{systemId}/objectives/{metric}", Map.of("kind", "PERFORMANCE", "bound", "MIN",
                "threshold", 0.8));
        bodies.put("/api/systems/{systemId}/monitoring", Map.of("metric", "accuracy", "value", 0.9));
        bodies.put("/api/systems/{systemId}/reevaluations", Map.of("reason", "Matrix probe of a re-evaluation"));
        // The management system's creates address no id: a body refused after the role check (400) writes nothing
        // and starts nothing (a valid one would create a policy or an objective, or start a management review).
        bodies.put("/api/policies", Map.of("documentKey", "Matrix Probe", "title", "Matrix probe", "purpose",
                "Matrix probe"));
        bodies.put("/api/policies/{documentKey}/versions", Map.of("body", "# Matrix probe", "changeSummary",
                "Matrix probe"));
        bodies.put("/api/policies/{documentKey}/versions/{versionNumber}/acknowledgement",
                Map.of("acknowledged", true));
        bodies.put("/api/objectives", Map.of("code", "matrix probe"));
        bodies.put("/api/management-reviews", Map.of("reason", " "));
        bodies.put("/api/admin/tasks/{taskId}/reassign", Map.of("assignee", "mia",
                "reason", "Matrix probe of a recorded repair"));
        return bodies;
    }

    /** A refusal names itself: problem+json, or Camunda's own error JSON ({@code type}, {@code message}). */
    private static boolean refusalBody(Response response) {
        if (response.isProblem()) {
            return response.json().path("status").asInt() == response.status();
        }
        return response.contentType().startsWith("application/json") && response.json().hasNonNull("type");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reproductions of issue 13's findings
    // ------------------------------------------------------------------------------------------------------------

    /** A request submitted by olivia, routed to the reviews: its id, process instance and technical review task. */
    record Routed(long system, String pid, String reviewTask) {
    }

    Routed routedRequest(String label) {
        long system = createSystem("Side door", "MINIMAL");
        registerVersion(system, label, sha256());
        JsonNode request = olivia.post(requestsPath(system, label), Map.of("note", "Side door probe")).expect(201)
                .json();
        String pid = request.get("processInstanceId").asText();
        String review = task(mia, pid, "task_technical_review").get("id").asText();
        return new Routed(system, pid, review);
    }

    @Test
    void noOneResolvesDelegatesOrReassignsAGovernedTask() {
        Routed routed = routedRequest("1.0.0");
        String task = "/engine-rest/task/" + routed.reviewTask();
        Map<String, Object> variables = Map.of("variables", Map.of("submitter", Map.of("value", "mallory")));
        for (Caller who : List.of(olivia, mia, admin, grace)) {
            assertRefused(who.post(task + "/resolve", variables), 403);
            assertRefused(who.post(task + "/delegate", Map.of("userId", "olivia")), 403);
            assertRefused(who.post(task + "/assignee", Map.of("userId", "olivia")), 403);
            assertRefused(who.put(task + "/variables/submitter", Map.of("value", "mallory")), 403);
            assertRefused(who.post(task + "/variables", Map.of("modifications", Map.of("submitter",
                    Map.of("value", "mallory")))), 403);
            assertRefused(who.put("/engine-rest/process-instance/" + routed.pid() + "/variables/submitter",
                    Map.of("value", "mallory")), 403);
        }
        // The same operations through the webapps' engine API.
        WebappSession submitter = WebappSession.login(port, "olivia", Api.DEMO_PASSWORD);
        assertRefused(submitter.post("/camunda/api/engine/engine/default/task/" + routed.reviewTask() + "/resolve",
                json(variables)), 403);
        // Nothing changed: the review is still open and the submitter is still olivia.
        assertThat(taskKeys(grace, routed.pid())).contains("task_technical_review");
        assertThat(grace.get("/engine-rest/process-instance/" + routed.pid() + "/variables/submitter").expect(200)
                .json().get("value").asText()).isEqualTo("olivia");
    }

    @Test
    void bpmnErrorsAndEscalationsCannotEndAGate() {
        Routed routed = routedRequest("1.0.0");
        String task = "/engine-rest/task/" + routed.reviewTask();
        for (Caller who : List.of(olivia, mia, admin)) {
            assertRefused(who.post(task + "/bpmnError", Map.of("errorCode", "any")), 403);
            assertRefused(who.post(task + "/bpmnEscalation", Map.of("escalationCode", "any")), 403);
        }
        WebappSession reviewer = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        assertRefused(reviewer.post("/camunda/api/engine/engine/default/task/" + routed.reviewTask()
                + "/bpmnEscalation", json(Map.of("escalationCode", "any"))), 403);
        assertThat(taskKeys(grace, routed.pid())).contains("task_technical_review");
    }

    @Test
    void theAdministratorCannotStartAGateOverTheEngineApiNorAddCandidatesNorComplete() {
        Routed routed = routedRequest("1.0.0");
        assertRefused(admin.post("/engine-rest/process-definition/key/deployment-approval/start", Map.of(
                "businessKey", "side-door", "variables", Map.of())), 403);
        String definition = admin.get("/engine-rest/process-definition?key=deployment-approval&latestVersion=true")
                .expect(200).json().get(0).get("id").asText();
        assertRefused(admin.post("/engine-rest/process-definition/" + definition + "/submit-form",
                Map.of("variables", Map.of())), 403);
        String task = "/engine-rest/task/" + routed.reviewTask();
        assertRefused(admin.post(task + "/identity-links", Map.of("groupId", "ai-product-owners", "type",
                "candidate")), 403);
        assertRefused(admin.post(task + "/claim", Map.of("userId", "admin")), 403);
        assertRefused(admin.post(task + "/complete", decision("APPROVE", RATIONALE)), 403);
        assertRefused(admin.post(task + "/submit-form", decision("APPROVE", RATIONALE)), 403);
        assertRefused(admin.delete("/engine-rest/process-instance/" + routed.pid()), 403);
        assertThat(candidateGroups(routed.pid(), "task_technical_review")).containsExactly("ml-engineers");
        // corrective-action has no start of its own: an unknown property cannot reach it either.
        assertRefused(olivia.post("/engine-rest/process-definition/key/corrective-action/start",
                Map.of("variables", Map.of("subjectType", Map.of("value", "INCIDENT")), "bogus", 1)), 403);
    }

    @Test
    void aReviewerWithoutCockpitReadsNoCockpitData() {
        String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
        assertRefused(WebappSession.login(port, "sam", Api.DEMO_PASSWORD).get(statistics), 403);
        assertRefused(WebappSession.anonymous(port).get(statistics), 401);
        WebappSession board = WebappSession.login(port, "grace", Api.DEMO_PASSWORD);
        assertThat(board.get(statistics).expect(200).json().isArray()).isTrue();
    }

    @Test
    void refusalsThroughTheWebappEngineApiAreClientErrors() {
        Routed routed = routedRequest("1.0.0");
        String webTask = "/camunda/api/engine/engine/default/task/" + routed.reviewTask();
        WebappSession mia = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        mia.post(webTask + "/claim", json(Map.of("userId", "mia"))).expect(204);
        // Only the assignee gives a task back.
        assertRefused(sam.post("/engine-rest/task/" + routed.reviewTask() + "/unclaim", Map.of()), 403);
        // Claims for someone else are refused before the engine.
        assertRefused(mia.post(webTask + "/claim", json(Map.of("userId", "olivia"))), 403);
        // A gate rule through the webapp API: a rationale too short is 400 (was 500 there).
        Response shortRationale = mia.post(webTask + "/submit-form",
                json(Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"), "rationale",
                        Map.of("value", "ok")))));
        assertThat(shortRationale.status()).as(shortRationale.toString()).isEqualTo(400);
        assertNoStackTrace(shortRationale);
        // Segregation of duties through the webapp API: the submitter claiming her own Accountable approval.
        completeReview(this.mia, routed.pid(), "task_technical_review", "APPROVE");
        completeReview(sam, routed.pid(), "task_security_review", "APPROVE");
        String approval = task(oscar, routed.pid(), "task_accountable_approval").get("id").asText();
        WebappSession submitter = WebappSession.login(port, "olivia", Api.DEMO_PASSWORD);
        Response sod = submitter.post("/camunda/api/engine/engine/default/task/" + approval + "/claim",
                json(Map.of("userId", "olivia")));
        assertThat(sod.status()).as(sod.toString()).isEqualTo(403);
        assertNoStackTrace(sod);
        Response sodComplete = submitter.post("/camunda/api/engine/engine/default/task/" + approval + "/submit-form",
                json(decision("APPROVE", RATIONALE)));
        assertThat(sodComplete.status()).as(sodComplete.toString()).isEqualTo(403);
        // oscar claims; olivia's claim of the held task is a conflict.
        WebappSession accountable = WebappSession.login(port, "oscar", Api.DEMO_PASSWORD);
        accountable.post("/camunda/api/engine/engine/default/task/" + approval + "/claim",
                json(Map.of("userId", "oscar"))).expect(204);
        // Claiming a task someone else holds (TaskAlreadyClaimedException) is a conflict, on both APIs.
        Response held = olivia.post("/engine-rest/task/" + approval + "/claim", Map.of("userId", "olivia"));
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().path("type").asText()).isEqualTo("TaskAlreadyClaimed");
        Response heldWeb = submitter.post("/camunda/api/engine/engine/default/task/" + approval + "/claim",
                json(Map.of("userId", "olivia")));
        assertThat(heldWeb.status()).as(heldWeb.toString()).isEqualTo(409);
        // Only the assignee gives it back.
        assertRefused(olivia.post("/engine-rest/task/" + approval + "/unclaim", Map.of()), 403);
        oscar.post("/engine-rest/task/" + approval + "/unclaim", Map.of()).expect(204);
    }

    @Test
    void malformedQueriesAndPathsAreClientErrors() {
        for (String path : List.of("/engine-rest/task?orQueries=%5B%7B%7D%5D", "/engine-rest/task/count?orQueries=x",
                "/engine-rest/history/task?orQueries=%5B%5D")) {
            Response response = grace.get(path);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertProblem(response, "orQueries");
        }
        for (String path : List.of("//engine-rest/task", "/engine-rest//task", "/camunda//api/admin/setup/default/user/create",
                "/engine-rest/./task", "/engine-rest/%2e%2e/api/raci", "/camunda/api/admin/setup/default/user/create/..")) {
            Response response = admin.send("POST", path, "{}", "application/json");
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertProblem(response, "path");
        }
    }

    @Test
    void aLoginThatIsNotAFormIsAClientError() {
        WebappSession session = WebappSession.anonymous(port);
        for (String body : List.of("{\"username\":\"mia\",\"password\":\"demo\"}", "[]")) {
            Response response = session.post("/camunda/api/admin/auth/user/default/login/tasklist", body);
            assertThat(response.status()).as(response.toString()).isEqualTo(415);
            assertProblem(response, "Content-Type");
        }
        WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
    }

    @Test
    void aUserWithoutAGroupLogsInToTasklistAndSeesNothing() {
        WebappSession session = WebappSession.login(port, "guest", Api.DEMO_PASSWORD);
        JsonNode filters = session.get("/camunda/api/engine/engine/default/filter?resourceType=Task").expect(200)
                .json();
        assertThat(filters.size()).isPositive();
        for (JsonNode filter : filters) {
            assertThat(session.post("/camunda/api/engine/engine/default/filter/" + filter.get("id").asText()
                    + "/count", "{}").expect(200).json().get("count").asLong()).as(filter.toString()).isZero();
        }
        assertThat(session.get("/camunda/api/engine/engine/default/task").expect(200).json()).isEmpty();
        assertThat(session.get("/camunda/api/engine/engine/default/process-definition").expect(200).json()).isEmpty();
        assertRefused(session.get("/camunda/api/engine/engine/default/process-instance"), 403);
        assertRefused(guest.get("/engine-rest/task"), 403);
        assertRefused(guest.get("/api/systems"), 403);
    }

    static void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(refusalBody(response)).as("refusal body: " + response).isTrue();
        assertNoStackTrace(response);
    }

    static void assertNoStackTrace(Response response) {
        assertThat(response.body()).as(response.toString()).doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("at org.").doesNotContain("at io.aimsgate").doesNotContain("io.aimsgate.");
    }
}
