package io.aimsgate.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.WebappSession;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.H2DemoApp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Incident escalation over the real REST APIs (ours and the engine's), demo users, H2: suspension and the
 * pipeline check, SLA and regulator escalations (timers fired by the test), the whole walk to closure with
 * corrective actions, nonconformities, and bad input that writes nothing.
 */
@H2DemoApp
class IncidentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    Caller olivia;
    Caller oscar;
    Caller mia;
    Caller lena;
    Caller grace;
    Caller alex;
    Caller guest;

    @BeforeEach
    void callers() {
        Api api = new Api(port);
        olivia = api.as("olivia");
        oscar = api.as("oscar");
        mia = api.as("mia");
        lena = api.as("lena");
        grace = api.as("grace");
        alex = api.as("alex");
        guest = api.as("guest");
    }

    @Test
    void severeIncidentSuspendsTheVersionsAndThePipelineCheckNamesIt() {
        long system = system("MINIMAL");
        version(system, "1.0.0");
        JsonNode incident = report(mia, system, List.of("1.0.0"), "DATA_POISONING", Map.of());

        assertThat(incident.path("severity").asText()).isEqualTo("SEV2");
        assertThat(incident.path("seriousIncident").asBoolean()).isFalse();
        assertThat(incident.path("reportedBy").asText()).isEqualTo("mia");
        assertThat(incident.at("/affectedVersions/0/suspended").asBoolean()).isTrue();
        assertThat(olivia.get("/api/systems/" + system + "/versions/1.0.0").expect(200).json().path("status").asText())
                .isEqualTo("SUSPENDED");
        Response check = olivia.get("/api/systems/" + system + "/versions/1.0.0/deployment-decision").expect(409);
        assertThat(check.json().path("reasons").toString())
                .contains("Suspended by incident " + incident.path("id").asLong());
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'governance-board' "
                + "and subject like ?", Long.class, "%incident " + incident.path("id").asLong() + ":%")).isEqualTo(1);
    }

    @Test
    void aSuspensionDuringReviewHaltsTheRequestAtTheFinalCheckAndTheVersionStaysSuspended() {
        long system = system("MINIMAL");
        new LifecycleWalk((user, method, path, body, expected) -> new Api(port).as(user).send(method, path, body,
                "application/json").expect(expected).json(), LifecycleWalk.Cast.DEMO)
                .passGatesBeforeDeployment(system, "MINIMAL", "0.0.1-validated");
        version(system, "1.0.0");
        JsonNode request = olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests", Map.of())
                .expect(201).json();
        String gate = request.path("processInstanceId").asText();
        long incident = report(mia, system, List.of("1.0.0"), "DATA_POISONING", Map.of()).path("id").asLong();
        JsonNode suspended = olivia.get("/api/systems/" + system + "/versions/1.0.0").expect(200).json();
        assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("heldStatus").asText()).isEqualTo("IN_REVIEW");

        approve(mia, task(mia, gate, "task_technical_review"));
        approve(new Api(port).as("sam"), task(new Api(port).as("sam"), gate, "task_security_review"));
        approve(oscar, task(oscar, gate, "task_accountable_approval"));

        JsonNode halted = olivia.get("/api/deployment-requests/" + request.path("id").asLong()).expect(200).json();
        assertThat(halted.path("status").asText()).isEqualTo("HALTED");
        assertThat(halted.path("haltReasons").toString()).contains("Suspended by incident " + incident);
        JsonNode version = olivia.get("/api/systems/" + system + "/versions/1.0.0").expect(200).json();
        assertThat(version.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(version.path("heldStatus").asText()).isEqualTo("HALTED");
        assertThat(tasks(olivia, gate, "task_remediate_risks")).isEmpty();
        assertThat(tasks(olivia, gate, "task_await_incident_resolution")).hasSize(1);
    }

    private void approve(Caller who, String taskId) {
        complete(who, taskId, Map.of("decision", "APPROVE", "rationale", "Reviewed in the incident test"));
    }

    @Test
    void containmentSlaBreachEscalatesToTheBoardWhileContainmentStaysOpen() {
        long system = system("MINIMAL");
        version(system, "1.0.0");
        JsonNode incident = report(mia, system, List.of("1.0.0"), "AVAILABILITY", Map.of());
        String pid = incident.path("processInstanceId").asText();
        assertThat(incident.path("severity").asText()).isEqualTo("SEV3");
        assertThat(Duration.between(Instant.parse(incident.path("reportedAt").asText()),
                Instant.parse(incident.path("containmentDueAt").asText()))).isEqualTo(Duration.ofDays(1));
        assertThat(tasks(grace, pid, "task_escalate_containment")).isEmpty();

        fireTimer(pid, "timer_containment_sla");

        assertThat(tasks(grace, pid, "task_escalate_containment")).hasSize(1);
        assertThat(tasks(mia, pid, "task_contain_incident")).hasSize(1);
        // The board's overdue list: the escalation is in grace's group filter, not in mia's.
        assertThat(tasks(mia, pid, "task_escalate_containment")).isEmpty();
    }

    @Test
    void possibleSeriousIncidentGetsARegulatorTaskWithTheArticle73Deadline() {
        long system = system("HIGH");
        version(system, "2.0.0");
        Instant detected = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode incident = report(mia, system, List.of("2.0.0"), "HARMFUL_OUTPUT", Map.of("death", true),
                detected);
        String pid = incident.path("processInstanceId").asText();

        assertThat(incident.path("severity").asText()).isEqualTo("SEV1");
        assertThat(incident.path("seriousIncident").asBoolean()).isTrue();
        assertThat(Instant.parse(incident.path("regulatorDeadline").asText())).isEqualTo(detected.plus(Duration.ofDays(10)));
        assertThat(tasks(lena, pid, "task_notify_regulator")).hasSize(1);

        fireTimer(pid, "timer_regulator_deadline");

        assertThat(tasks(grace, pid, "task_escalate_regulator_deadline")).hasSize(1);
        assertThat(tasks(lena, pid, "task_notify_regulator")).hasSize(1);
    }

    @Test
    void anIncidentWalksFromReportThroughCorrectiveActionAndResumptionToClosure() {
        long system = system("HIGH");
        version(system, "3.0.0");
        JsonNode reported = report(mia, system, List.of("3.0.0"), "PRIVACY_LEAK",
                Map.of("fundamentalRightsInfringement", true));
        long id = reported.path("id").asLong();
        String pid = reported.path("processInstanceId").asText();
        assertThat(reported.path("severity").asText()).isEqualTo("SEV2");
        assertThat(reported.path("seriousIncident").asBoolean()).isTrue();

        // The administrator does not do a role's work (issue 13): recording containment is refused before the engine.
        Caller admin = new Api(port).as("admin");
        String containment = task(mia, pid, "task_contain_incident");
        Response adminContains = admin.post("/engine-rest/task/" + containment + "/complete", Map.of("variables",
                Map.of("containmentActions", value("Endpoint disabled by the admin"), "contained", value(true))));
        assertThat(adminContains.status()).as(adminContains.body()).isEqualTo(403);
        assertThat(adminContains.contentType()).startsWith(Api.PROBLEM_JSON);
        complete(mia, containment, Map.of("containmentActions",
                "Endpoint disabled and cache purged", "contained", true));
        Response missingReference = lena.post("/engine-rest/task/" + task(lena, pid, "task_notify_regulator")
                + "/complete", Map.of("variables", Map.of("notificationSummary", value("Sent"))));
        assertThat(missingReference.status()).isEqualTo(400);
        complete(lena, task(lena, pid, "task_notify_regulator"), Map.of("submissionReference", "MSA-2026-0042",
                "notificationSummary", "Initial report filed"));

        String corrective = subProcess(pid);
        complete(mia, task(mia, corrective, "task_root_cause_analysis"), Map.of("rootCauseMethod", "FIVE_WHYS",
                "rootCauses", "Debug logging left on in production", "contributingFactors", "No log review"));
        complete(mia, task(mia, corrective, "task_plan_actions"), Map.of("plannedActions",
                "Turn off debug logging | mia | 2026-12-01\nAdd log review to release checklist | oscar | 2026-12-15"));
        String tracking = task(mia, corrective, "task_track_actions");
        Response early = mia.post("/engine-rest/task/" + tracking + "/complete", Map.of("variables", Map.of()));
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.body()).contains("not DONE");
        JsonNode actions = olivia.get("/api/incidents/" + id).expect(200).json().at("/correctiveActions/0/actions");
        assertThat(actions).hasSize(2);
        actions.forEach(action -> mia.post("/api/corrective-actions/" + action.path("id").asLong() + "/status",
                Map.of("status", "DONE")).expect(200));
        complete(mia, tracking, Map.of("trackingNote", "All done"));
        complete(olivia, task(olivia, corrective, "task_check_effectiveness"), Map.of("effective", true,
                "effectivenessEvidence", "No personal data in logs for 14 days"));
        complete(olivia, task(olivia, corrective, "task_close_corrective_action"), Map.of("closureNote",
                "Corrective actions verified and closed"));

        String decision = task(grace, pid, "task_decide_resumption");
        // ... nor lifts a suspension by completing the board's resumption decision.
        Response adminResumes = admin.post("/engine-rest/task/" + decision + "/complete", Map.of("variables",
                Map.of("resumptionDecision", value("RESUME"), "rationale", value("Admin lifts the suspension"))));
        assertThat(adminResumes.status()).as(adminResumes.body()).isEqualTo(403);
        assertThat(adminResumes.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(grace.get("/engine-rest/task/" + decision + "/variables/resumptionBlocked").expect(200).json()
                .path("value").asBoolean()).isFalse();
        complete(grace, decision, Map.of("resumptionDecision", "RESUME", "rationale", "Contained, actions effective"));
        assertThat(olivia.get("/api/systems/" + system + "/versions/3.0.0").expect(200).json().path("status").asText())
                .isEqualTo("DRAFT");
        complete(olivia, task(olivia, pid, "task_close_incident"), Map.of("lessonsLearned",
                "Review logging configuration in every release"));

        JsonNode closed = olivia.get("/api/incidents/" + id).expect(200).json();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("containedBy").asText()).isEqualTo("mia");
        assertThat(closed.path("regulatorReference").asText()).isEqualTo("MSA-2026-0042");
        assertThat(closed.path("secondsToContain").isNumber()).isTrue();
        assertThat(closed.path("secondsToNotify").isNumber()).isTrue();
        assertThat(closed.path("lessonsLearned").asText()).contains("logging");
        assertThat(closed.at("/correctiveActions/0/closedBy").asText()).isEqualTo("olivia");
        assertThat(closed.at("/affectedVersions/0/suspended").asBoolean()).isFalse();
    }

    @Test
    void resumptionIsRefusedWhileAnUnresolvedHighRiskRemains() {
        long system = system("MINIMAL");
        version(system, "1.0.0");
        JsonNode reported = report(mia, system, List.of("1.0.0"), "MODEL_THEFT", Map.of());
        String pid = reported.path("processInstanceId").asText();
        mia.post("/api/systems/" + system + "/risks", Map.of("lifecycleStage", "OPERATION_AND_MONITORING",
                "strideCategory", "INFORMATION_DISCLOSURE", "title", "Model weights exposed", "likelihood", 4,
                "impact", 5)).expect(201);
        complete(mia, task(mia, pid, "task_contain_incident"), Map.of("containmentActions",
                "Rotated keys and revoked tokens", "contained", true));
        walkCorrectiveAction(subProcess(pid));

        String decision = task(grace, pid, "task_decide_resumption");
        assertThat(grace.get("/engine-rest/task/" + decision + "/variables/resumptionBlockers").expect(200).json()
                .path("value").asText()).contains("Model weights exposed");
        complete(grace, decision, Map.of("resumptionDecision", "RESUME", "rationale", "Trying to resume anyway"));
        // Blocked: back to the check and a new decision task; the version stays suspended.
        assertThat(tasks(grace, pid, "task_decide_resumption")).hasSize(1);
        assertThat(olivia.get("/api/systems/" + system + "/versions/1.0.0").expect(200).json().path("status").asText())
                .isEqualTo("SUSPENDED");
    }

    /**
     * Issue 14: when the effectiveness check says "not effective" the case loops back. Round two's root-cause
     * analysis and effectiveness check refuse the bodies round one refused (over /engine-rest and Tasklist's API
     * alike), and the recorded analysis is round two's alone.
     */
    @Test
    void theSecondRoundOfACorrectiveActionIsValidatedOnItsOwn() {
        long system = system("HIGH");
        version(system, "1.0.0");
        JsonNode reported = report(mia, system, List.of("1.0.0"), "OTHER", Map.of());
        long id = reported.path("id").asLong();
        String pid = reported.path("processInstanceId").asText();
        complete(mia, task(mia, pid, "task_contain_incident"), Map.of("containmentActions",
                "Feature flag switched off for all tenants", "contained", true));
        String corrective = subProcess(pid);
        refused(mia, task(mia, corrective, "task_root_cause_analysis"), Map.of(), "rootCauseMethod");
        complete(mia, task(mia, corrective, "task_root_cause_analysis"), Map.of("rootCauseMethod", "FIVE_WHYS",
                "rootCauses", "Round one: a stale cache", "contributingFactors", "Round one: no cache metrics"));
        complete(mia, task(mia, corrective, "task_plan_actions"), Map.of("plannedActions",
                "Flush the cache on deploy | mia | 2026-12-01"));
        markActionsDone(id);
        complete(mia, task(mia, corrective, "task_track_actions"), Map.of());
        refused(olivia, task(olivia, corrective, "task_check_effectiveness"),
                Map.of("effectivenessEvidence", "Errors again"), "effective");
        complete(olivia, task(olivia, corrective, "task_check_effectiveness"), Map.of("effective", false,
                "effectivenessEvidence", "The errors came back after two days"));

        String rootCauseTwo = task(mia, corrective, "task_root_cause_analysis");
        assertThat(mia.get("/engine-rest/task/" + rootCauseTwo + "/form-variables").expect(200).json().fieldNames())
                .toIterable().doesNotContain("rootCauseMethod", "rootCauses", "contributingFactors");
        refused(mia, rootCauseTwo, Map.of(), "rootCauseMethod");
        refused(mia, rootCauseTwo, Map.of("rootCauses", "Round two: the flush ran before the deploy"),
                "rootCauseMethod");
        WebappSession tasklist = WebappSession.login(port, "mia", "demo");
        Response viaTasklist = tasklist.post("/camunda/api/engine/engine/default/task/" + rootCauseTwo
                + "/submit-form", "{\"variables\": {\"rootCauses\": {\"value\": \"Round two, from Tasklist\"}}}");
        assertThat(viaTasklist.status()).as(viaTasklist.toString()).isEqualTo(400);
        assertThat(viaTasklist.problemFields()).first().isEqualTo("rootCauseMethod");
        complete(mia, rootCauseTwo, Map.of("rootCauseMethod", "TIMELINE",
                "rootCauses", "Round two: the flush ran before the deploy finished"));
        JsonNode analysis = olivia.get("/api/incidents/" + id).expect(200).json().at("/correctiveActions/0");
        assertThat(analysis.path("rootCauseMethod").asText()).isEqualTo("TIMELINE");
        assertThat(analysis.path("rootCauses").asText()).startsWith("Round two");
        assertThat(analysis.path("contributingFactors").isNull() || analysis.path("contributingFactors").isMissingNode())
                .as("round one's contributing factors are not round two's: " + analysis).isTrue();

        refused(mia, task(mia, corrective, "task_plan_actions"), Map.of(), "plannedActions");
        complete(mia, task(mia, corrective, "task_plan_actions"), Map.of("plannedActions",
                "Flush after the deploy finished | mia | 2026-12-05"));
        markActionsDone(id);
        complete(mia, task(mia, corrective, "task_track_actions"), Map.of());
        String effectivenessTwo = task(olivia, corrective, "task_check_effectiveness");
        refused(olivia, effectivenessTwo, Map.of(), "effective");
        refused(olivia, effectivenessTwo, Map.of("effectivenessEvidence", "Quiet for 14 days"), "effective");
        complete(olivia, effectivenessTwo, Map.of("effective", true, "effectivenessEvidence", "Quiet for 14 days"));
        assertThat(tasks(olivia, corrective, "task_close_corrective_action")).hasSize(1);
    }

    private void refused(Caller who, String taskId, Map<String, Object> variables, String field) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, value(v)));
        Response refused = who.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(refused.problemFields()).first().as(refused.toString()).isEqualTo(field);
        assertThat(who.get("/engine-rest/task/" + taskId).status()).as("task still open").isEqualTo(200);
    }

    private void markActionsDone(long incidentId) {
        JsonNode cases = olivia.get("/api/incidents/" + incidentId).expect(200).json().path("correctiveActions");
        cases.forEach(c -> c.path("actions").forEach(action -> {
            if (!"DONE".equals(action.path("status").asText())) {
                mia.post("/api/corrective-actions/" + action.path("id").asLong() + "/status",
                        Map.of("status", "DONE")).expect(200);
            }
        }));
    }

    @Test
    void aMinorIncidentNeedsNoSuspensionNorRegulatorReport() {
        long system = system("HIGH");
        version(system, "1.0.0");
        JsonNode reported = report(mia, system, List.of("1.0.0"), "OTHER", Map.of());
        String pid = reported.path("processInstanceId").asText();
        assertThat(reported.path("severity").asText()).isEqualTo("SEV4");
        assertThat(reported.at("/affectedVersions/0/suspended").asBoolean()).isFalse();
        assertThat(tasks(lena, pid, "task_notify_regulator")).isEmpty();
        assertThat(olivia.get("/api/systems/" + system + "/versions/1.0.0").expect(200).json().path("status").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void findingsAreRaisedAsRisksAndEvidenceIsKept() {
        long system = system("MINIMAL");
        version(system, "1.0.0");
        long id = report(mia, system, List.of("1.0.0"), "MODEL_DRIFT", Map.of()).path("id").asLong();
        JsonNode risk = mia.post("/api/incidents/" + id + "/risks", Map.of("strideCategory", "TAMPERING",
                "title", "Drift detector missing", "likelihood", 3, "impact", 3)).expect(201).json();
        assertThat(risk.path("systemId").asLong()).isEqualTo(system);
        assertThat(risk.path("currentSeverity").asText()).isEqualTo("MEDIUM");
        mia.post("/api/incidents/" + id + "/evidence", Map.of("kind", "LOG", "reference",
                "s3://logs/drift/2026-11-23")).expect(201);
        assertThat(olivia.get("/api/incidents/" + id).expect(200).json().at("/evidence/0/addedBy").asText())
                .isEqualTo("mia");
    }

    @Test
    void nonconformitiesGoThroughTheSharedCorrectiveActionProcess() {
        JsonNode raised = alex.post("/api/nonconformities", Map.of("source", "INTERNAL_AUDIT",
                "requirement", "A.6.2.4", "description", "Validation evidence missing for two releases"))
                .expect(201).json();
        assertThat(raised.path("raisedBy").asText()).isEqualTo("alex");
        String corrective = subProcess(raised.path("processInstanceId").asText());
        assertThat(tasks(mia, corrective, "task_record_correction")).hasSize(1);
        mia.post("/api/nonconformities", Map.of("source", "INTERNAL_AUDIT", "requirement", "A.6.2.4",
                "description", "x")).expect(403);
    }

    static Stream<Arguments> badReports() {
        Map<String, Object> good = goodReport(1L);
        return Stream.of(
                Arguments.of("unknown system", with(good, "systemId", 999999), 404, "systemId"),
                Arguments.of("unknown version", with(good, "versionLabels", List.of("9.9.9")), 404, "versionLabel"),
                Arguments.of("missing type", without(good, "type"), 400, "type"),
                Arguments.of("unknown type", with(good, "type", "ALIENS"), 400, "type"),
                Arguments.of("detected in the future", with(good, "detectedAt",
                        Instant.now().plus(Duration.ofDays(2)).toString()), 400, "detectedAt"),
                Arguments.of("detection time not a time", with(good, "detectedAt", "yesterday"), 400, "detectedAt"),
                Arguments.of("no versions", with(good, "versionLabels", List.of()), 400, "versionLabels"),
                Arguments.of("bad version label", with(good, "versionLabels", List.of("../etc")), 400,
                        "versionLabels[0]"),
                Arguments.of("missing description", without(good, "description"), 400, "description"),
                Arguments.of("oversized description", with(good, "description", "x".repeat(4001)), 400, "description"),
                Arguments.of("malformed JSON", "{\"systemId\": 1,", 400, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportsAreRefusedWithAProblemAndWriteNothing(String name, Object body, int status, String field) {
        long before = count();
        Response response = mia.post("/api/incidents", body).expect(status);
        assertThat(response.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.problemFields()).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void reportingNeedsAGroup() {
        guest.post("/api/incidents", goodReport(1L)).expect(403);
    }

    // ---- helpers

    private long count() {
        return jdbc.queryForObject("select count(*) from incident", Long.class);
    }

    private long system(String tier) {
        return olivia.post("/api/systems", Map.of("name", "Incident test " + UUID.randomUUID(),
                "intendedUse", "Incident testing", "aiType", "PREDICTIVE", "businessOwner", "olivia",
                "businessUnit", "QA", "supplierType", "IN_HOUSE", "euAiActTier", tier,
                "dataCategories", List.of("synthetic"), "processesPersonalData", false)).expect(201).json()
                .path("id").asLong();
    }

    private void version(long system, String label) {
        olivia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", label,
                "artifactSha256", "ef".repeat(32))).expect(201);
    }

    private JsonNode report(Caller who, long system, List<String> versions, String type, Map<String, Object> harms) {
        return report(who, system, versions, type, harms, Instant.now().minus(Duration.ofMinutes(30)));
    }

    private JsonNode report(Caller who, long system, List<String> versions, String type, Map<String, Object> harms,
            Instant detected) {
        Map<String, Object> body = new HashMap<>(goodReport(system));
        body.put("versionLabels", versions);
        body.put("type", type);
        body.put("detectedAt", detected.toString());
        body.putAll(harms);
        return who.post("/api/incidents", body).expect(201).json();
    }

    static Map<String, Object> goodReport(long system) {
        return Map.of("systemId", system, "versionLabels", List.of("2.1.0"), "type", "MODEL_DRIFT",
                "description", "Accuracy dropped after the holiday season", "detectedAt",
                Instant.now().minus(Duration.ofHours(1)).toString());
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

    private List<JsonNode> tasks(Caller who, String pid, String key) {
        JsonNode list = who.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        return Stream.iterate(0, i -> i < list.size(), i -> i + 1).map(list::get).toList();
    }

    private String task(Caller who, String pid, String key) {
        List<JsonNode> tasks = tasks(who, pid, key);
        assertThat(tasks).as(who + " sees " + key).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private void complete(Caller who, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, value(v)));
        Response done = who.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private static Map<String, Object> value(Object v) {
        return Map.of("value", v);
    }

    private String subProcess(String parent) {
        return jdbc.queryForObject("select id_ from act_ru_execution where super_exec_ in "
                + "(select id_ from act_ru_execution where proc_inst_id_ = ?) and id_ = proc_inst_id_", String.class,
                parent);
    }

    private void walkCorrectiveAction(String corrective) {
        complete(mia, task(mia, corrective, "task_root_cause_analysis"), Map.of("rootCauseMethod", "FIVE_WHYS",
                "rootCauses", "Keys in a public bucket"));
        complete(mia, task(mia, corrective, "task_plan_actions"), Map.of("plannedActions",
                "Move keys to the vault | mia | 2026-12-01"));
        JsonNode cases = jdbc.queryForList("select id from corrective_action where case_id = (select id from "
                + "corrective_case where process_instance_id = ?)", Long.class, corrective).stream()
                .map(actionId -> mia.post("/api/corrective-actions/" + actionId + "/status", Map.of("status", "DONE"))
                        .expect(200).json()).reduce((a, b) -> b).orElseThrow();
        assertThat(cases.path("status").asText()).isEqualTo("DONE");
        complete(mia, task(mia, corrective, "task_track_actions"), Map.of());
        complete(olivia, task(olivia, corrective, "task_check_effectiveness"), Map.of("effective", true,
                "effectivenessEvidence", "Scan shows no keys in buckets"));
        complete(olivia, task(olivia, corrective, "task_close_corrective_action"), Map.of("closureNote",
                "Closed after verification"));
    }

    private void fireTimer(String pid, String activityId) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(pid).timers().list().stream()
                .filter(job -> activityId.equals(managementService.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .toList();
        assertThat(timers).as("timer " + activityId).hasSize(1);
        managementService.executeJob(timers.get(0).getId());
    }
}
