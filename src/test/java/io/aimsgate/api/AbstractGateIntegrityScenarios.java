package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.ProcessEngineBinding;
import io.aimsgate.support.SystemFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's side doors around a gate, tried over HTTP as an attacker or a careless administrator would: each test
 * reproduces one finding and shows the engine itself now refuses it, whatever door the call takes (the engine REST
 * API here; the same guards sit under the webapps and the Java API). Run on H2 and PostgreSQL by the subclasses.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractGateIntegrityScenarios extends AsDemoUsers {

    static final String RATIONALE = "Evidence reviewed and found complete for this release.";
    static final String REPAIR_REASON = "Oscar is on leave for three weeks; the approval must not wait.";

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    // ---- one entrance per process

    @Test
    void theAdministratorCannotStartTheDeploymentGateThroughTheEngine() {
        long system = createSystem("Engine start", "MINIMAL");
        registerVersion(system, "1.0.0");
        Map<String, Object> start = Map.of("variables", Map.of("systemId", Map.of("value", system, "type", "Long"),
                "versionLabel", Map.of("value", "1.0.0")));

        // /api refuses the administrator, and so does the engine, through every start door.
        admin.post(requestsPath(system, "1.0.0"), Map.of()).expect(403);
        // The administrator is stopped by the allowlist in front of the engine; a RACI group the allowlist lets
        // through to the start is stopped by the engine (its authorisations, and the starter groups the BPMN declares:
        // see theEnginesJavaApiIsHeldToTheSameRules).
        Response started = admin.post("/engine-rest/process-definition/key/deployment-approval/start", start)
                .expect(403);
        assertThat(started.contentType()).startsWith(Api.PROBLEM_JSON);
        admin.post("/engine-rest/process-definition/key/deployment-approval/submit-form", start).expect(403);
        grace.post("/engine-rest/process-definition/key/deployment-approval/start", start).expect(403);
        mia.post("/engine-rest/process-definition/key/deployment-approval/start", start).expect(403);
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("DRAFT");
        assertThat(olivia.get(requestsPath(system, "1.0.0")).expect(200).json()).isEmpty();

        // A product owner may start it over the engine too, through the same request rules as /api.
        JsonNode instance = olivia.post("/engine-rest/process-definition/key/deployment-approval/start", start)
                .expect(200).json();
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("IN_REVIEW");
        Response again = olivia.post("/engine-rest/process-definition/key/deployment-approval/start", start)
                .expect(409);
        assertThat(again.body()).contains("only DRAFT versions can be submitted");
        assertThat(olivia.get(requestsPath(system, "1.0.0")).expect(200).json().get(0).get("processInstanceId")
                .asText()).isEqualTo(instance.get("id").asText());

        // Message starts are the same door: the administrator cannot open a re-evaluation by message either.
        admin.post("/engine-rest/message", Map.of("messageName", "ReEvaluationRequested", "processVariables",
                Map.of("systemId", Map.of("value", system, "type", "Long"), "trigger", Map.of("value", "MANUAL"))))
                .expect(403);
        // The corrective-action sub-process is started only by the process that needs it.
        olivia.post("/engine-rest/process-definition/key/corrective-action/start", Map.of("variables", Map.of()))
                .expect(403);
    }

    // ---- the gates change only with a release

    @Test
    void noDeploymentRedefinesThePlatformsProcesses() throws Exception {
        String gate;
        try (var in = getClass().getClassLoader().getResourceAsStream("processes/deployment-approval.bpmn")) {
            gate = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        long before = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                "deployment-approval").count();
        // The administrator may deploy (a probe), but not a new definition of a gate: not even the same model again.
        Response refused = admin.send("POST", "/engine-rest/deployment/create", multipart("gate.bpmn", gate),
                MULTIPART);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body()).contains("deployment-approval");
        String probe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions "
                + "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"probe\">"
                + "<process id=\"operator-probe-" + AbstractApiScenarios.uniqueToken() + "\" isExecutable=\"true\" "
                + "camunda:historyTimeToLive=\"P1D\"><startEvent id=\"s\"/></process></definitions>";
        admin.send("POST", "/engine-rest/deployment/create", multipart("probe.bpmn", probe), MULTIPART).expect(200);
        // The Java API is held to the same rule for a user.
        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        try {
            String model = gate;
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                    .addString("gate.bpmn", model).deploy()).hasStackTraceContaining("may not deploy");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                "deployment-approval").count()).isEqualTo(before);
    }

    private static final String BOUNDARY = "----aims-gate-test-boundary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static String multipart(String fileName, String model) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntest\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/xml\r\n\r\n" + model + "\r\n--" + BOUNDARY
                + "--\r\n";
    }

    // ---- no gate ends without a decision

    @Test
    void noBpmnErrorOrDeletionEndsAGateWithoutADecision() {
        long system = createSystem("No silent end", "MINIMAL");
        registerVersion(system, "1.0.0");
        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(201).json();
        String pid = request.get("processInstanceId").asText();

        String review = taskId(mia, pid, "task_technical_review");
        mia.post("/engine-rest/task/" + review + "/claim", Map.of("userId", "mia")).expect(204);
        // The allowlist refuses BPMN errors on every task; the engine's own refusal of them (for doors the allowlist
        // does not cover) is checked in theEnginesJavaApiIsHeldToTheSameRules.
        Response error = mia.post("/engine-rest/task/" + review + "/bpmnError",
                Map.of("errorCode", "review-failed", "errorMessage", "no")).expect(403);
        assertThat(error.contentType()).startsWith(Api.PROBLEM_JSON);
        Response submitterError = olivia.post("/engine-rest/task/" + taskId(admin, pid, "task_security_review")
                + "/bpmnError", Map.of("errorCode", "x")).expect(403);
        assertThat(submitterError.status()).isEqualTo(403);

        admin.delete("/engine-rest/process-instance/" + pid).expect(403);
        admin.delete("/engine-rest/process-instance/" + pid + "?skipCustomListeners=true&skipIoMappings=true")
                .expect(403);

        // Nothing moved: both reviews are open, the version is in review with its running gate.
        assertThat(taskKeys(pid)).containsExactlyInAnyOrder("task_technical_review", "task_security_review");
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("IN_REVIEW");
        JsonNode consistency = grace.get("/api/admin/consistency").expect(200).json();
        assertThat(consistency.get("findings").toString()).doesNotContain(pid);

        // The gate still ends the ordinary way, with recorded decisions.
        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "REJECT");
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("REJECTED");
    }

    @Test
    void theEnginesJavaApiIsHeldToTheSameRules() {
        long system = createSystem("Java API", "MINIMAL");
        registerVersion(system, "1.0.0");
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        var identity = engine.getIdentityService();
        Map<String, Object> variables = Map.of("systemId", system, "versionLabel", "1.0.0");
        identity.setAuthentication("admin", List.of("camunda-admin"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("deployment-approval", variables))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
                    .hasStackTraceContaining("may not start");
        } finally {
            identity.clearAuthentication();
        }
        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(201).json();
        String pid = request.get("processInstanceId").asText();
        String review = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("task_technical_review")
                .singleResult().getId();
        identity.setAuthentication("admin", List.of("camunda-admin"));
        try {
            assertThatThrownBy(() -> tasks.complete(review, Map.of("decision", "APPROVE", "rationale", RATIONALE)))
                    .hasStackTraceContaining("holds none of the RACI roles");
            assertThatThrownBy(() -> tasks.setAssignee(review, "mia")).hasStackTraceContaining("claimed by the person");
        } finally {
            identity.clearAuthentication();
        }
        // No authentication at all is no way around either: the task ends only by a decision of its role.
        assertThatThrownBy(() -> tasks.handleBpmnError(review, "review-failed"))
                .hasStackTraceContaining("cannot end without a decision");
        assertThatThrownBy(() -> runtime.deleteProcessInstance(pid, "cleanup", true, true))
                .hasStackTraceContaining("without a decision");
        assertThatThrownBy(() -> tasks.complete(review, Map.of("decision", "APPROVE", "rationale", RATIONALE)))
                .hasStackTraceContaining("authenticated user");
        assertThatThrownBy(() -> tasks.setAssignee(review, "olivia"))
                .hasStackTraceContaining("holds none of the RACI roles");
        assertThat(taskKeys(pid)).containsExactlyInAnyOrder("task_technical_review", "task_security_review");
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("IN_REVIEW");
    }

    // ---- the engine checks the RACI role the model declares

    @Test
    void theAdministratorDoesNoRolesWorkEvenWithItsOwnCandidateGroup() {
        long system = createSystem("Admin no decider", "HIGH");
        registerVersion(system, "3.0.0");
        JsonNode reported = report(mia, system, "3.0.0");
        String pid = reported.path("processInstanceId").asText();

        // Recording an incident's containment is the ML engineers' work: 403 for the administrator, also after it
        // added its own group to the task's candidates (the model's declaration counts, not the runtime links).
        String containment = taskId(admin, pid, "task_contain_incident");
        admin.post("/engine-rest/task/" + containment + "/complete", variables(Map.of(
                "containmentActions", "Turned it off", "contained", true))).expect(403);
        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(containment, Map.of(
                    "containmentActions", "Turned it off", "contained", true)))
                    .hasStackTraceContaining("holds none of the RACI roles");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        // The allowlist refuses identity-link changes; added behind it (the Java API), the link still does not count.
        admin.post("/engine-rest/task/" + containment + "/identity-links",
                Map.of("groupId", "camunda-admin", "type", "candidate")).expect(403);
        engine.getTaskService().addCandidateGroup(containment, "camunda-admin");
        admin.post("/engine-rest/task/" + containment + "/claim", Map.of("userId", "admin")).expect(403);
        admin.post("/engine-rest/task/" + containment + "/complete", variables(Map.of(
                "containmentActions", "Turned it off", "contained", true))).expect(403);

        complete(mia, containment, Map.of("containmentActions", "Endpoint disabled and cache purged",
                "contained", true));
        complete(lena, taskId(lena, pid, "task_notify_regulator"), Map.of("submissionReference", "MSA-2026-0099",
                "notificationSummary", "Initial report filed"));
        walkCorrectiveAction(subProcess(pid), reported.path("id").asLong());

        // Lifting the suspension is the governance board's decision: 403 for the administrator (204 before).
        String decision = taskId(grace, pid, "task_decide_resumption");
        Map<String, Object> resume = Map.of("resumptionDecision", "RESUME", "rationale",
                "Contained, actions effective");
        admin.post("/engine-rest/task/" + decision + "/complete", variables(resume)).expect(403);
        assertThat(taskKeys(pid)).containsExactly("task_decide_resumption");
        assertThat(versionStatus(system, "3.0.0")).isEqualTo("SUSPENDED");
        complete(grace, decision, resume);
        assertThat(versionStatus(system, "3.0.0")).isEqualTo("DRAFT");
    }

    // ---- four eyes within a run

    @Test
    void onePersonNeverRecordsTwoDecidingApprovalsInOneRun() {
        String dana = createUser("dana", "ai-product-owners", "governance-board");
        Caller danaCaller = api.as(dana, "dana-password-1");
        long system = createSystem("Four eyes", "HIGH");
        registerVersion(system, "4.0.0");
        JsonNode request = olivia.post(requestsPath(system, "4.0.0"), Map.of()).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "APPROVE");
        completeReview(priya, pid, "task_legal_privacy_review", "APPROVE");
        completeReview(ethan, pid, "task_ethics_review", "APPROVE");
        completeReview(danaCaller, pid, "task_accountable_approval", "APPROVE");

        // Dana also sits on the board, but has decided this run as the Accountable product owner.
        String signOff = taskId(admin, pid, "task_board_signoff");
        Response claim = danaCaller.post("/engine-rest/task/" + signOff + "/claim", Map.of("userId", dana))
                .expect(403);
        assertThat(claim.body()).contains("Four eyes");
        danaCaller.post("/engine-rest/task/" + signOff + "/complete", decision("APPROVE")).expect(403);
        // Nor can the administrator hand her the sign-off through its repair.
        Response repair = admin.post("/api/admin/tasks/" + signOff + "/reassign", Map.of("assignee", dana,
                "reason", REPAIR_REASON)).expect(409);
        assertThat(repair.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(repair.body()).contains("Four eyes");
        // A candidate group added at run time does not make a product owner a board member.
        admin.post("/engine-rest/task/" + signOff + "/identity-links",
                Map.of("groupId", "ai-product-owners", "type", "candidate")).expect(403);
        engine.getTaskService().addCandidateGroup(signOff, "ai-product-owners");
        oscar.post("/engine-rest/task/" + signOff + "/claim", Map.of("userId", "oscar")).expect(403);
        oscar.post("/engine-rest/task/" + signOff + "/complete", decision("APPROVE")).expect(403);
        assertThat(versionStatus(system, "4.0.0")).isEqualTo("IN_REVIEW");

        completeReview(grace, pid, "task_board_signoff", "APPROVE");
        JsonNode approved = grace.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(AbstractApiScenarios.decisionsByTask(approved)).containsEntry("task_accountable_approval", dana)
                .containsEntry("task_board_signoff", "grace");
    }

    // ---- the administrator's repair

    @Test
    void theAdministratorReassignsOnlyWithinTheGateRulesAndRecordsWhy() {
        String pat = createUser("pat", "ai-product-owners");
        long system = createSystem("Repair", "MINIMAL");
        registerVersion(system, "1.0.0");
        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "APPROVE");
        String approval = taskId(oscar, pid, "task_accountable_approval");
        oscar.post("/engine-rest/task/" + approval + "/claim", Map.of("userId", "oscar")).expect(204);
        String path = "/api/admin/tasks/" + approval + "/reassign";

        // The engine's own assignment refuses to give a governed task to someone else, even for the administrator.
        admin.post("/engine-rest/task/" + approval + "/assignee", Map.of("userId", pat)).expect(403);
        admin.post("/engine-rest/task/" + approval + "/delegate", Map.of("userId", pat)).expect(403);

        // The repair refuses whatever would break a gate rule, with a problem naming the field.
        assertField(olivia.post(path, Map.of("assignee", pat, "reason", REPAIR_REASON)).expect(403), null);
        assertField(admin.post(path, Map.of("assignee", pat, "reason", "leave")).expect(400), "reason");
        assertField(admin.post(path, Map.of("assignee", "nobody-" + UUID.randomUUID(), "reason", REPAIR_REASON))
                .expect(400), "assignee");
        assertField(admin.post("/api/admin/tasks/no-such-task/reassign", Map.of("assignee", pat, "reason",
                REPAIR_REASON)).expect(404), "taskId");
        Response submitter = admin.post(path, Map.of("assignee", "olivia", "reason", REPAIR_REASON)).expect(409);
        assertField(submitter, "assignee");
        assertThat(submitter.body()).contains("Segregation of duties");
        Response noRole = admin.post(path, Map.of("assignee", "grace", "reason", REPAIR_REASON)).expect(409);
        assertThat(noRole.body()).contains("holds none of the RACI roles");
        Response reviewer = admin.post(path, Map.of("assignee", "mia", "reason", REPAIR_REASON)).expect(409);
        assertThat(reviewer.body()).contains("holds none of the RACI roles");
        assertThat(task(admin, pid, "task_accountable_approval").get("assignee").asText()).isEqualTo("oscar");

        JsonNode repaired = admin.post(path, Map.of("assignee", pat, "reason", REPAIR_REASON)).expect(200).json();
        assertThat(repaired.get("operation").asText()).isEqualTo("REASSIGN_TASK");
        assertThat(repaired.get("previousAssignee").asText()).isEqualTo("oscar");
        assertThat(repaired.get("newAssignee").asText()).isEqualTo(pat);
        assertThat(repaired.get("repairedBy").asText()).isEqualTo("admin");
        assertThat(repaired.get("reason").asText()).isEqualTo(REPAIR_REASON);
        assertThat(task(admin, pid, "task_accountable_approval").get("assignee").asText()).isEqualTo(pat);
        assertThat(grace.get("/api/admin/repairs").expect(200).json().toString()).contains(approval, REPAIR_REASON);
        mia.get("/api/admin/repairs").expect(403);

        Caller patCaller = api.as(pat, "pat-password-1");
        patCaller.post("/engine-rest/task/" + approval + "/complete", decision("APPROVE")).expect(204);
        JsonNode approved = grace.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(approved.get("decidedBy").asText()).isEqualTo(pat);
    }

    // ---- the consistency check

    @Test
    void theConsistencyCheckReportsOrphansMadeBehindTheApplicationsBack() {
        long system = createSystem("Orphans", "MINIMAL");
        registerVersion(system, "1.0.0");
        registerVersion(system, "2.0.0");
        JsonNode request = olivia.post(requestsPath(system, "2.0.0"), Map.of()).expect(201).json();
        String pid = request.get("processInstanceId").asText();
        long versionId = jdbc.queryForObject("select id from model_version where system_id = ? and version_label = ?",
                Long.class, system, "1.0.0");
        String gone = "gone-" + UUID.randomUUID();
        // Behind the application's back: a version put in review with no gate, and a request with its gate run
        // pointed at an instance that does not exist (so its real instance has no open run either).
        jdbc.update("update model_version set status = 'IN_REVIEW' where id = ?", versionId);
        jdbc.update("update deployment_request set process_instance_id = ? where process_instance_id = ?", gone, pid);
        jdbc.update("update gate_run set process_instance_id = ? where process_instance_id = ?", gone, pid);
        try {
            mia.get("/api/admin/consistency").expect(403);
            api.anonymous().get("/api/admin/consistency").expect(401);
            JsonNode report = admin.get("/api/admin/consistency").expect(200).json();
            assertThat(report.get("consistent").asBoolean()).isFalse();
            List<String> findings = new ArrayList<>();
            report.get("findings").forEach(f -> findings.add(f.get("kind").asText() + " "
                    + f.path("subject").asText() + " " + f.path("processInstanceId").asText()));
            assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("VERSION_IN_REVIEW_WITHOUT_GATE")
                    .contains("(id " + versionId + ")"));
            assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("OPEN_RUN_WITHOUT_PROCESS").endsWith(gone));
            assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("PROCESS_WITHOUT_OPEN_RUN").endsWith(pid));
        } finally {
            jdbc.update("update deployment_request set process_instance_id = ? where process_instance_id = ?", pid,
                    gone);
            jdbc.update("update gate_run set process_instance_id = ? where process_instance_id = ?", pid, gone);
            jdbc.update("update model_version set status = 'DRAFT' where id = ?", versionId);
        }
        String after = admin.get("/api/admin/consistency").expect(200).json().get("findings").toString();
        assertThat(after).doesNotContain(pid).doesNotContain(gone).doesNotContain("(id " + versionId + ")");
    }

    // ---- risk transitions that respect authority

    @Test
    void aHighRiskLeavesTheBlockingSetOnlyByTreatmentOrTheBoard() {
        long system = createSystem("Risk authority", "MINIMAL");
        String risks = "/api/systems/" + system + "/risks";
        JsonNode risk = mia.post(risks, AbstractApiScenarios.riskBody(4, 4, "Untreated model theft")).expect(201)
                .json();
        String riskPath = risks + "/" + risk.get("id").asLong();
        assertThat(blocked(system)).isTrue();

        // Closing it outright is the board's call: 403 for the engineer and the product owner, nothing changes.
        Response byEngineer = mia.post(riskPath + "/transitions", Map.of("status", "CLOSED",
                "reason", "Not a problem any more.")).expect(403);
        assertField(byEngineer, "status");
        olivia.post(riskPath + "/transitions", Map.of("status", "CLOSED", "reason", "Not a problem any more."))
                .expect(403);
        assertThat(blocked(system)).isTrue();

        // Treatment: a residual rating below HIGH needs a reducing treatment and what was done.
        Map<String, Object> treated = new LinkedHashMap<>(AbstractApiScenarios.riskBody(4, 4, "Untreated model theft"));
        treated.put("residualLikelihood", 1);
        treated.put("residualImpact", 2);
        Response noRecord = mia.put(riskPath, treated).expect(409);
        assertField(noRecord, "treatmentRecord");
        Map<String, Object> accepted = new LinkedHashMap<>(treated);
        accepted.put("treatment", "ACCEPT");
        accepted.put("treatmentRecord", "We decided to live with it.");
        assertThat(mia.put(riskPath, accepted).expect(409).body()).contains("governance board");
        assertThat(blocked(system)).isTrue();
        treated.put("treatmentRecord", "Model weights encrypted at rest; registry access limited to two engineers.");
        JsonNode done = mia.put(riskPath, treated).expect(200).json();
        assertThat(done.get("currentSeverity").asText()).isEqualTo("LOW");
        assertThat(done.get("treatmentRecord").asText()).contains("encrypted");
        assertThat(blocked(system)).isFalse();
        // Treated below HIGH, anyone who maintains risks may close it.
        mia.post(riskPath + "/transitions", Map.of("status", "CLOSED", "reason", "Treatment verified in audit."))
                .expect(200);

        // An untreated one is closed by the board only, with a rationale.
        long second = mia.post(risks, AbstractApiScenarios.riskBody(5, 4, "Untreated poisoning")).expect(201).json()
                .get("id").asLong();
        assertThat(blocked(system)).isTrue();
        assertField(grace.post(risks + "/" + second + "/transitions", Map.of("status", "CLOSED", "reason", "gone"))
                .expect(400), "reason");
        grace.post(risks + "/" + second + "/transitions", Map.of("status", "CLOSED",
                "reason", "The feed was decommissioned; the risk no longer exists.")).expect(200);
        assertThat(blocked(system)).isFalse();
    }

    /**
     * The same rule in the life-cycle gates, through the one decision path: in a high-risk inception run the
     * Accountable product owner who also sits on the board cannot sign off as the board.
     */
    @Test
    void fourEyesHoldInAnInceptionRun() {
        String kira = createUser("kira", "ai-product-owners", "governance-board");
        Caller kiraCaller = api.as(kira, "kira-password-1");
        long system = olivia.post("/api/systems", AbstractApiScenarios.systemBody("Four eyes inception "
                + AbstractApiScenarios.uniqueToken(), "HIGH")).expect(201).json().get("id").asLong();
        LifecycleWalk walk = walk();
        Map<String, Object> answers = new HashMap<>();
        answers.put("systemId", system);
        answers.put("intendedUse", "Ranks applications for a human recruiter to read first.");
        answers.put("affectedPeople", "Job applicants and recruiters");
        answers.put("aiType", "PREDICTIVE");
        answers.put("prohibitedPractice", "NONE");
        answers.put("annexIIIArea", "EMPLOYMENT");
        answers.put("safetyComponent", false);
        answers.put("interactsWithPeople", false);
        answers.put("generatesSyntheticContent", false);
        String pid = walk.start("olivia", "inception", answers);
        Map<String, Object> assessment = new HashMap<>();
        for (String part : List.of("systemContext", "stakeholdersAffected", "ethicsAndBias", "recourseAndOversight",
                "safetyGovernance", "performanceThresholds")) {
            assessment.put(part, "Assessed for the four-eyes test: " + part + " documented.");
        }
        assessment.put("rationale", "High-risk employment use; assessed in full.");
        walk.complete("olivia", pid, "task_impact_assessment", assessment);
        // The high-risk inception's required evidence (issue 16): the impact assessment as a document.
        walk.attach("olivia", "SYSTEM", system, "IMPACT_ASSESSMENT", "impact-assessment.md");
        walk.complete("ethan", pid, "task_ethics_review", LifecycleWalk.decision("APPROVE"));
        walk.complete("lena", pid, "task_legal_review", LifecycleWalk.decision("APPROVE"));
        completeReview(kiraCaller, pid, "task_accountable_approval", "APPROVE");

        String signOff = taskId(admin, pid, "task_board_signoff");
        Response claim = kiraCaller.post("/engine-rest/task/" + signOff + "/claim", Map.of("userId", kira))
                .expect(403);
        assertThat(claim.body()).contains("Four eyes");
        kiraCaller.post("/engine-rest/task/" + signOff + "/complete", decision("APPROVE")).expect(403);
        assertThat(taskKeys(pid)).containsExactly("task_board_signoff");

        completeReview(grace, pid, "task_board_signoff", "APPROVE");
        JsonNode inception = lifecycleRun(system, "INCEPTION");
        assertThat(inception.get("status").asText()).isEqualTo("PASSED");
        assertThat(inception.get("decidedBy").asText()).isEqualTo("grace");
    }

    /** And in a retirement run: the legal reviewer who is also a product owner cannot approve it as Accountable. */
    @Test
    void fourEyesHoldInARetirementRun() {
        String lex = createUser("lex", "legal", "ai-product-owners");
        Caller lexCaller = api.as(lex, "lex-password-1");
        long system = olivia.post("/api/systems", AbstractApiScenarios.systemBody("Four eyes retirement "
                + AbstractApiScenarios.uniqueToken(), "MINIMAL")).expect(201).json().get("id").asLong();
        LifecycleWalk walk = walk();
        String pid = walk.start("olivia", "retirement", Map.of("systemId", system, "retirementReason", "REPLACED",
                "triggerDetail", "Replaced by a newer model"));
        Map<String, Object> plan = new HashMap<>();
        plan.put("retirementReason", "REPLACED");
        plan.put("replacedBy", "Newer model");
        plan.put("dataRetentionPlan", "Keep decision logs for six years, then delete.");
        plan.put("deletionPlan", "Delete model weights after hand-over.");
        plan.put("dependentSystems", "Shop front end (switches to the newer model)");
        plan.put("rationale", "Replaced by a newer model after its own gates.");
        walk.complete("olivia", pid, "task_retirement_plan", plan);
        // The retirement's required evidence (issue 16): how the data was disposed of.
        walk.attach("olivia", "SYSTEM", system, "DATA_DISPOSAL_RECORD", "data-disposal.md");
        completeReview(lexCaller, pid, "task_legal_review", "APPROVE");

        String approval = taskId(admin, pid, "task_accountable_approval");
        Response claim = lexCaller.post("/engine-rest/task/" + approval + "/claim", Map.of("userId", lex))
                .expect(403);
        assertThat(claim.body()).contains("Four eyes");
        lexCaller.post("/engine-rest/task/" + approval + "/complete", decision("APPROVE")).expect(403);
        assertThat(taskKeys(pid)).containsExactly("task_accountable_approval");

        completeReview(oscar, pid, "task_accountable_approval", "APPROVE");
        JsonNode retirement = lifecycleRun(system, "RETIREMENT");
        assertThat(retirement.get("status").asText()).isEqualTo("PASSED");
        assertThat(retirement.get("decidedBy").asText()).isEqualTo("oscar");
    }

    // ---- helpers

    boolean blocked(long system) {
        return olivia.get("/api/systems/" + system + "/risk-assessment").expect(200).json().get("blocked").asBoolean();
    }

    /** The system's one run of this gate kind, as GET /api/systems/{id}/lifecycle shows it. */
    JsonNode lifecycleRun(long system, String kind) {
        List<JsonNode> runs = new java.util.ArrayList<>();
        olivia.get("/api/systems/" + system + "/lifecycle").expect(200).json().get("history").forEach(run -> {
            if (run.get("gate").asText().equals(kind)) {
                runs.add(run);
            }
        });
        assertThat(runs).as("runs of " + kind).hasSize(1);
        return runs.get(0);
    }

    long createSystem(String prefix, String tier) {
        long id = SystemFixtures.registerSystem(olivia, prefix + " " + AbstractApiScenarios.uniqueToken(), tier);
        walk().passGatesBeforeDeployment(id, tier, AbstractApiScenarios.VALIDATED_BASELINE);
        return id;
    }

    /** Registers the version with its model card in the evidence store: the deployment gate approves no version without. */
    void registerVersion(long system, String label) {
        EvidenceFixtures.versionWithModelCard(mia, system, label, SystemFixtures.sha256());
    }

    /** A user of its own, in these groups (password {@code <name>-password-1}), created by the administrator. */
    String createUser(String name, String... groups) {
        String id = name + AbstractApiScenarios.uniqueToken();
        admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", name, "lastName",
                "Tester", "email", id + "@example.org"), "credentials", Map.of("password", name + "-password-1")))
                .expect(204);
        for (String group : groups) {
            admin.put("/engine-rest/group/" + group + "/members/" + id, Map.of()).expect(204);
        }
        return id;
    }

    JsonNode report(Caller who, long system, String version) {
        Map<String, Object> body = new HashMap<>();
        body.put("systemId", system);
        body.put("versionLabels", List.of(version));
        body.put("type", "PRIVACY_LEAK");
        body.put("description", "Personal data found in debug logs");
        body.put("detectedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("fundamentalRightsInfringement", true);
        return who.post("/api/incidents", body).expect(201).json();
    }

    void walkCorrectiveAction(String corrective, long incidentId) {
        complete(mia, taskId(mia, corrective, "task_root_cause_analysis"), Map.of("rootCauseMethod", "FIVE_WHYS",
                "rootCauses", "Debug logging left on in production", "contributingFactors", "No log review"));
        complete(mia, taskId(mia, corrective, "task_plan_actions"), Map.of("plannedActions",
                "Turn off debug logging | mia | 2026-12-01"));
        olivia.get("/api/incidents/" + incidentId).expect(200).json().at("/correctiveActions/0/actions")
                .forEach(action -> mia.post("/api/corrective-actions/" + action.path("id").asLong() + "/status",
                        Map.of("status", "DONE")).expect(200));
        complete(mia, taskId(mia, corrective, "task_track_actions"), Map.of("trackingNote", "All done"));
        complete(olivia, taskId(olivia, corrective, "task_check_effectiveness"), Map.of("effective", true,
                "effectivenessEvidence", "No personal data in logs for 14 days"));
        complete(olivia, taskId(olivia, corrective, "task_close_corrective_action"), Map.of("closureNote",
                "Corrective actions verified and closed"));
    }

    String subProcess(String parent) {
        return jdbc.queryForObject("select id_ from act_ru_execution where super_exec_ in "
                + "(select id_ from act_ru_execution where proc_inst_id_ = ?) and id_ = proc_inst_id_", String.class,
                parent);
    }

    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> typed = new HashMap<>();
        values.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return Map.of("variables", typed);
    }

    static void complete(Caller who, String taskId, Map<String, Object> values) {
        who.post("/engine-rest/task/" + taskId + "/complete", variables(values)).expect(204);
    }

    static Map<String, Object> decision(String decision) {
        return AbstractApiScenarios.decision(decision, RATIONALE);
    }

    void completeReview(Caller reviewer, String pid, String key, String decision) {
        String id = taskId(reviewer, pid, key);
        reviewer.post("/engine-rest/task/" + id + "/claim", Map.of("userId", reviewer.userId())).expect(204);
        reviewer.post("/engine-rest/task/" + id + "/complete", decision(decision)).expect(204);
    }

    JsonNode task(Caller caller, String pid, String key) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        assertThat(tasks).as(caller + " sees one open " + key + " of " + pid).hasSize(1);
        return tasks.get(0);
    }

    String taskId(Caller caller, String pid, String key) {
        return task(caller, pid, key).get("id").asText();
    }

    List<String> taskKeys(String pid) {
        return AbstractApiScenarios.texts(admin.get("/engine-rest/task?processInstanceId=" + pid).expect(200).json(),
                "taskDefinitionKey");
    }

    String versionStatus(long system, String label) {
        return olivia.get("/api/systems/" + system + "/versions/" + label).expect(200).json().get("status").asText();
    }

    static String requestsPath(long system, String label) {
        return "/api/systems/" + system + "/versions/" + label + "/deployment-requests";
    }

    static void assertField(Response response, String field) {
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        if (field != null) {
            assertThat(response.problemFields()).as(response.toString()).contains(field);
        }
        AbstractApiScenarios.assertNoInternals(response);
    }
}
