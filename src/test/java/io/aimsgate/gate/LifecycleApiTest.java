package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.SystemFixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The life-cycle gates (issue #3) over the real REST APIs, ours and the engine's, each step taken by the demo user
 * who holds its RACI role: a new system walked from inception to a deployment halted by its own validation
 * results, a prohibited practice, segregation of duties, bad input, monitoring and re-evaluation, retirement, and
 * the evidence that the Informed parties were told.
 */
@H2DemoApp
class LifecycleApiTest extends AsDemoUsers {

    static final String RATIONALE = "Checked against the gate's criteria in the API test.";

    // ------------------------------------------------------------------------------------------------------------
    // 1. A new high-risk system from inception to a deployment halted by its own unfair validation results
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aNewSystemWalksEveryGateAndItsUnfairModelHaltsAtDeployment() {
        String name = "Hiring screener " + UUID.randomUUID();
        long system = createSystem(name);
        registerVersion(system, "1.0.0");

        // Nothing passed yet: the deployment gate names every missing gate.
        JsonNode fresh = lifecycle(system);
        assertThat(fresh.path("stagesPassed")).isEmpty();
        assertThat(fresh.at("/gates/INCEPTION").asText()).isEqualTo("NOT_STARTED");
        assertThat(texts(fresh.path("deploymentPrerequisitesUnmet"))).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("inception"))
                .anySatisfy(r -> assertThat(r).contains("design & development"))
                .anySatisfy(r -> assertThat(r).contains("verification & validation"));
        Response refused = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(409);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(texts(refused.json().path("reasons")))
                .anySatisfy(r -> assertThat(r).contains("inception"))
                .anySatisfy(r -> assertThat(r).contains("design & development"))
                .anySatisfy(r -> assertThat(r).contains("verification & validation"));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("DRAFT");

        // Inception: EMPLOYMENT is an Annex III area, so HIGH: impact assessment, ethics and legal, board.
        String inception = startInception(olivia, system, "NONE", "EMPLOYMENT");
        complete(olivia, inception, "task_impact_assessment", impactAssessment());
        // The assessment as a document in the evidence store: a high-risk inception passes only with one.
        EvidenceFixtures.attach(olivia, "SYSTEM", system, "IMPACT_ASSESSMENT", "impact-assessment.md");

        JsonNode during = lifecycle(system);
        assertThat(during.at("/gates/INCEPTION").asText()).isEqualTo("IN_PROGRESS");
        JsonNode run = single(during.path("inProgress"));
        assertThat(run.path("gate").asText()).isEqualTo("INCEPTION");
        assertThat(run.path("processInstanceId").asText()).isEqualTo(inception);
        assertThat(run.path("startedBy").asText()).isEqualTo("olivia");
        Map<String, JsonNode> open = byTaskKey(run.path("openTasks"));
        assertThat(open).containsOnlyKeys("task_ethics_review", "task_legal_review");
        assertThat(texts(open.get("task_ethics_review").path("candidateGroups"))).containsExactly("ethics");
        assertThat(texts(open.get("task_legal_review").path("candidateGroups"))).containsExactly("legal");
        open.values().forEach(task -> assertThat(texts(task.path("mayNotDecide"))).contains("olivia"));

        complete(ethan, inception, "task_ethics_review", decision("APPROVE"));
        complete(lena, inception, "task_legal_review", decision("APPROVE"));
        complete(oscar, inception, "task_accountable_approval", decision("APPROVE"));
        assertThat(candidateGroups(inception, "task_board_signoff")).containsExactly("governance-board");
        complete(grace, inception, "task_board_signoff", decision("APPROVE"));

        JsonNode afterInception = lifecycle(system);
        assertThat(texts(afterInception.path("stagesPassed"))).containsExactly("INCEPTION");
        assertThat(afterInception.path("euAiActTier").asText()).isEqualTo("HIGH");
        assertThat(afterInception.path("currentStage").asText()).isEqualTo("DESIGN_AND_DEVELOPMENT");
        assertThat(gateRun(afterInception, "INCEPTION").path("decidedBy").asText()).isEqualTo("grace");

        // Design & development: personal data without treatment blocks until the register is fixed.
        Map<String, Object> dataset = dataset("Applicant histories", List.of("age", "postcode"), "NONE");
        JsonNode registered = mia.post(datasetsPath(system), dataset).expect(201).json();
        assertThat(texts(registered.path("blockingReasons"))).anySatisfy(r -> assertThat(r).contains("no treatment"));
        String design = start(olivia, "design-development", Map.of("systemId", system, "designSummary",
                "Gradient-boosted screening model; architecture and design choices documented in the model repo."));
        JsonNode remediation = task(mia, design, "task_complete_dataset_register");
        assertThat(taskVariable(mia, remediation, "datasetBlockingReasons").asText())
                .contains("Applicant histories").contains("no treatment");
        assertThat(taskVariable(mia, remediation, "datasetsBlocked").asBoolean()).isTrue();

        dataset.put("personalDataTreatment", "PSEUDONYMISED");
        JsonNode fixed = mia.put(datasetsPath(system) + "/" + registered.path("id").asLong(), dataset).expect(200)
                .json();
        assertThat(fixed.path("blockingReasons")).isEmpty();
        assertThat(fixed.path("changedBy").asText()).isEqualTo("mia");
        complete(mia, design, "task_complete_dataset_register", decision("RECHECK"));
        assertThat(tasks(admin, design, "task_complete_dataset_register")).isEmpty();
        complete(priya, design, "task_privacy_review", decision("APPROVE"));
        complete(oscar, design, "task_accountable_approval", decision("APPROVE"));
        assertThat(texts(lifecycle(system).path("stagesPassed"))).containsExactly("INCEPTION",
                "DESIGN_AND_DEVELOPMENT");

        // V&V: the pipeline posts results with a fairness breach; the breach is a risk in the register.
        JsonNode validation = mia.post(validationsPath(system), validationResults("1.0.0", List.of(
                metric("PERFORMANCE", "accuracy", null, 0.91),
                metric("FAIRNESS", "demographicParityDifference", "age", 0.25)))).expect(201).json();
        assertThat(validation.path("breachCount").asInt()).isEqualTo(1);
        Map<String, JsonNode> metrics = new HashMap<>();
        validation.path("metrics").forEach(m -> metrics.put(m.path("metric").asText(), m));
        assertThat(metrics.get("accuracy").path("breached").asBoolean()).isFalse();
        JsonNode unfair = metrics.get("demographicParityDifference");
        assertThat(unfair.path("breached").asBoolean()).isTrue();
        assertThat(unfair.path("protectedAttribute").asText()).isEqualTo("age");
        assertThat(unfair.path("riskId").isNumber()).as(validation.toString()).isTrue();
        long riskId = unfair.path("riskId").asLong();

        JsonNode risk = findById(ben.get(risksPath(system)).expect(200).json().path("content"), riskId);
        assertThat(risk.path("lifecycleStage").asText()).isEqualTo("VERIFICATION_AND_VALIDATION");
        assertThat(risk.path("status").asText()).isEqualTo("OPEN");
        assertThat(risk.path("currentSeverity").asText()).isEqualTo("HIGH");
        assertThat(risk.path("title").asText()).contains("demographicParityDifference").contains("age");

        String validationGate = validation.path("processInstanceId").asText();
        EvidenceFixtures.attach(mia, "SYSTEM", system, "VALIDATION_REPORT", "validation-report-1.0.0.md");
        assertThat(taskVariable(oscar, task(oscar, validationGate, "task_accountable_approval"),
                "thresholdBreachSummary").asText()).contains("demographicParityDifference").contains("risk " + riskId);
        complete(oscar, validationGate, "task_accountable_approval", decision("APPROVE"));

        JsonNode validated = lifecycle(system);
        assertThat(texts(validated.path("stagesPassed"))).containsExactly("INCEPTION", "DESIGN_AND_DEVELOPMENT",
                "VERIFICATION_AND_VALIDATION");
        assertThat(validated.path("deploymentPrerequisitesUnmet")).isEmpty();
        assertThat(validated.path("currentStage").asText()).isEqualTo("DEPLOYMENT");

        // Deployment: accepted, but halted by the unfair model's risk without anyone having to remember it.
        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of("note", "First release")).expect(201)
                .json();
        assertThat(request.path("status").asText()).isEqualTo("HALTED");
        assertThat(texts(request.path("haltReasons"))).anySatisfy(r -> assertThat(r).contains("Risk " + riskId));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("HALTED");
        Response pipeline = ben.get(decisionPath(system, "1.0.0")).expect(409);
        assertThat(texts(pipeline.json().path("reasons"))).anySatisfy(r -> assertThat(r).contains("Risk " + riskId));

        JsonNode halted = lifecycle(system);
        assertThat(texts(halted.path("stagesPassed"))).containsExactly("INCEPTION", "DESIGN_AND_DEVELOPMENT",
                "VERIFICATION_AND_VALIDATION");
        assertThat(halted.at("/gates/DEPLOYMENT").asText()).isEqualTo("IN_PROGRESS");
        assertThat(halted.at("/gates/VERIFICATION_AND_VALIDATION").asText()).isEqualTo("PASSED");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2. A prohibited practice is rejected at once
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aProhibitedPracticeIsRejectedAtInception() {
        long system = createSystem("Citizen scoring " + UUID.randomUUID());
        String pid = startInception(olivia, system, "SOCIAL_SCORING", "NONE");

        assertThat(admin.get("/engine-rest/task?processInstanceId=" + pid).expect(200).json()).isEmpty();
        admin.get("/engine-rest/process-instance/" + pid).expect(404);
        assertThat(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + pid
                + "&activityId=end_inception_prohibited").expect(200).json()).hasSize(1);

        JsonNode view = lifecycle(system);
        assertThat(view.path("euAiActTier").asText()).isEqualTo("UNACCEPTABLE");
        assertThat(view.path("stagesPassed")).isEmpty();
        assertThat(view.at("/gates/INCEPTION").asText()).isEqualTo("REJECTED");
        JsonNode run = gateRun(view, "INCEPTION");
        assertThat(run.path("status").asText()).isEqualTo("REJECTED");
        assertThat(run.path("outcome").asText()).contains("Art. 5");
        assertThat(ben.get("/api/systems/" + system).expect(200).json().path("euAiActTier").asText())
                .isEqualTo("UNACCEPTABLE");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 3. Segregation of duties, rationale and RACI membership
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theStarterCannotApproveAndEveryDecisionNeedsARationaleAndTheRaciRole() {
        long system = createSystem("Shelf planner " + UUID.randomUUID());
        String pid = startInception(olivia, system, "NONE", "NONE");
        String approval = task(oscar, pid, "task_accountable_approval").path("id").asText();

        // The product owner who started inception may neither claim nor complete its approval.
        Response claim = olivia.post(taskPath(approval) + "/claim", Map.of("userId", "olivia")).expect(403);
        assertThat(claim.json().path("message").asText()).contains("Segregation of duties");
        Response selfApproval = olivia.post(taskPath(approval) + "/complete", completion(decision("APPROVE")))
                .expect(403);
        assertThat(selfApproval.json().path("message").asText()).contains("Segregation of duties");

        // Someone outside the activity's RACI groups: an engineer does not even see the task; an administrator who
        // sees everything still holds no RACI role in it.
        assertThat(tasks(mia, pid, "task_accountable_approval")).isEmpty();
        mia.post(taskPath(approval) + "/complete", completion(decision("APPROVE"))).expect(403);
        Response outsider = admin.post(taskPath(approval) + "/complete", completion(decision("APPROVE"))).expect(403);
        // Refused before the engine by the allowlist of Camunda's APIs (docs/security.md), as problem+json.
        assertThat(outsider.json().path("detail").asText()).contains("RACI");

        // The other product owner decides, with a rationale.
        oscar.post(taskPath(approval) + "/claim", Map.of("userId", "oscar")).expect(204);
        Response noRationale = oscar.post(taskPath(approval) + "/complete",
                completion(Map.of("decision", "APPROVE"))).expect(400);
        assertThat(noRationale.json().path("message").asText()).contains("rationale");
        Response shortRationale = oscar.post(taskPath(approval) + "/complete",
                completion(Map.of("decision", "APPROVE", "rationale", "ok"))).expect(400);
        assertThat(shortRationale.json().path("message").asText()).contains("rationale");
        Response noDecision = oscar.post(taskPath(approval) + "/complete",
                completion(Map.of("decision", "MAYBE", "rationale", RATIONALE))).expect(400);
        assertThat(noDecision.json().path("message").asText()).contains("decision");
        assertThat(lifecycle(system).at("/gates/INCEPTION").asText()).isEqualTo("IN_PROGRESS");

        oscar.post(taskPath(approval) + "/complete", completion(decision("APPROVE"))).expect(204);
        JsonNode passed = gateRun(lifecycle(system), "INCEPTION");
        assertThat(passed.path("status").asText()).isEqualTo("PASSED");
        assertThat(passed.path("decidedBy").asText()).isEqualTo("oscar");
        assertThat(passed.path("outcome").asText()).isEqualTo(RATIONALE);
        assertThat(jdbc.queryForList("select decided_by from gate_decision where run_id = ?", String.class,
                passed.path("gateId").asLong())).containsExactly("oscar");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 4. Bad input is refused with a problem naming the field, and writes nothing
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndWritesNothing() {
        long system = createSystem("Bad input " + UUID.randomUUID());
        registerVersion(system, "1.0.0");
        Map<String, Object> good = dataset("Clean data", List.of(), "NONE");

        Map<String, Object> noName = new LinkedHashMap<>(good);
        noName.remove("name");
        assertProblem(mia.post(datasetsPath(system), noName), 400, "name");
        Map<String, Object> noPurpose = new LinkedHashMap<>(good);
        noPurpose.remove("purpose");
        assertProblem(mia.post(datasetsPath(system), noPurpose), 400, "purpose");
        assertProblem(mia.post(datasetsPath(system), with(good, "purpose", "GUESSWORK")), 400, "purpose");
        assertProblem(mia.post(datasetsPath(system), with(good, "personalDataTreatment", "SHREDDED")), 400,
                "personalDataTreatment");
        assertProblem(mia.post(datasetsPath(system), with(good, "legalBasis", "BECAUSE")), 400, "legalBasis");
        assertThat(ben.get(datasetsPath(system)).expect(200).json()).isEmpty();
        assertThat(count("select count(*) from dataset where system_id = ?", system)).isZero();

        Map<String, Object> noMetrics = validationResults("1.0.0", List.of());
        assertProblem(mia.post(validationsPath(system), noMetrics), 400, "metrics");
        Map<String, Object> metricWithoutValue = new LinkedHashMap<>(metric("PERFORMANCE", "accuracy", null, 0.9));
        metricWithoutValue.remove("value");
        assertProblem(mia.post(validationsPath(system), validationResults("1.0.0", List.of(metricWithoutValue))),
                400, "metrics[0].value");
        assertThat(count("select count(*) from validation_run where system_id = ?", system)).isZero();
        assertThat(lifecycle(system).path("history")).isEmpty();

        assertProblem(mia.post(monitoringPath(system), Map.of("metric", "klDivergence")), 400, "value");
        assertProblem(mia.post(monitoringPath(system), Map.of("value", 0.2)), 400, "metric");
        assertThat(count("select count(*) from monitoring_reading where system_id = ?", system)).isZero();

        // Unknown system.
        long unknown = 999_999_999L;
        assertProblem(mia.post(datasetsPath(unknown), good), 404, "systemId");
        assertProblem(mia.post(validationsPath(unknown), validationResults("1.0.0",
                List.of(metric("PERFORMANCE", "accuracy", null, 0.9)))), 404, "systemId");
        assertProblem(mia.post(monitoringPath(unknown), Map.of("metric", "klDivergence", "value", 0.01)), 404,
                "systemId");
        assertProblem(ben.get("/api/systems/" + unknown + "/lifecycle"), 404, "systemId");

        // A user without a RACI group may post nothing (nor read the life cycle).
        guest.post(datasetsPath(system), good).expect(403);
        guest.post(validationsPath(system), validationResults("1.0.0",
                List.of(metric("PERFORMANCE", "accuracy", null, 0.9)))).expect(403);
        guest.post(monitoringPath(system), Map.of("metric", "klDivergence", "value", 0.2)).expect(403);
        guest.get("/api/systems/" + system + "/lifecycle").expect(403);
        assertThat(count("select count(*) from dataset where system_id = ?", system)).isZero();
        assertThat(count("select count(*) from validation_run where system_id = ?", system)).isZero();
        assertThat(count("select count(*) from monitoring_reading where system_id = ?", system)).isZero();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 5. Monitoring breaches start and wake the re-evaluation; a suspension stops the pipeline
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void monitoringBreachesStartAndWakeTheReevaluationWhichMaySuspendTheSystem() {
        long system = createSystem("Demand forecaster " + UUID.randomUUID());
        walk().passGatesBeforeDeployment(system, "MINIMAL", "1.0.0");
        deploy(system, "1.0.0");
        assertThat(ben.get(decisionPath(system, "1.0.0")).expect(200).json().path("allowed").asBoolean()).isTrue();

        // Entering operation started the system's watch: it waits for its yearly timer or a breach, asking nobody.
        JsonNode watches = admin.post("/engine-rest/process-instance", Map.of("processDefinitionKey", "re-evaluation",
                "variables", List.of(Map.of("name", "systemId", "operator", "eq", "value", system)))).expect(200).json();
        assertThat(watches).hasSize(1);
        String pid = watches.get(0).path("id").asText();
        assertThat(admin.get("/engine-rest/job?processInstanceId=" + pid + "&timers=true").expect(200).json())
                .hasSize(1);
        assertThat(tasks(admin, pid, null)).isEmpty();

        // Within the objective: kept, nothing re-evaluated.
        JsonNode calm = mia.post(monitoringPath(system), Map.of("metric", "klDivergence", "value", 0.05)).expect(201)
                .json();
        assertThat(calm.path("breached").asBoolean()).isFalse();
        assertThat(calm.path("reevaluation").asText()).isEqualTo("NOT_NEEDED");
        assertThat(calm.path("threshold").asDouble()).isEqualTo(0.10);
        assertThat(reevaluationTasks(mia, system)).isEmpty();

        // Past it: the watch wakes, and the engineers have the re-assessment.
        JsonNode drift = mia.post(monitoringPath(system), Map.of("metric", "klDivergence", "value", 0.12)).expect(201)
                .json();
        assertThat(drift.path("breached").asBoolean()).isTrue();
        assertThat(drift.path("reevaluation").asText()).isEqualTo("TRIGGERED");
        JsonNode reassess = single(reevaluationTasks(mia, system));
        assertThat(reassess.path("taskDefinitionKey").asText()).isEqualTo("task_reassess");
        assertThat(reassess.path("processInstanceId").asText()).isEqualTo(pid);
        assertThat(candidateGroups(pid, "task_reassess")).containsExactly("ml-engineers");
        assertThat(taskVariable(mia, reassess, "trigger").asText()).isEqualTo("MONITORING_BREACH");
        assertThat(taskVariable(mia, reassess, "triggerDetail").asText()).contains("klDivergence");
        JsonNode reevaluating = lifecycle(system);
        assertThat(reevaluating.path("currentStage").asText()).isEqualTo("RE_EVALUATION");
        assertThat(reevaluating.at("/gates/RE_EVALUATION").asText()).isEqualTo("IN_PROGRESS");

        // Re-assessed and continued: the instance waits for the next trigger.
        complete(mia, pid, "task_reassess", reassessment("CONTINUE"));
        complete(oscar, pid, "task_reevaluation_decision", decision("CONTINUE"));
        assertThat(admin.get("/engine-rest/event-subscription?processInstanceId=" + pid
                + "&eventType=message&eventName=MonitoringThresholdBreached").expect(200).json()).hasSize(1);
        assertThat(tasks(admin, pid, null)).isEmpty();
        JsonNode continued = lifecycle(system);
        assertThat(continued.at("/gates/RE_EVALUATION").asText()).isEqualTo("PASSED");
        assertThat(continued.path("currentStage").asText()).isEqualTo("OPERATION_AND_MONITORING");
        assertThat(texts(continued.path("stagesPassed"))).contains("DEPLOYMENT", "RE_EVALUATION");
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("APPROVED");

        // The next breach wakes the same instance.
        JsonNode again = mia.post(monitoringPath(system), Map.of("metric", "klDivergence", "value", 0.2)).expect(201)
                .json();
        assertThat(again.path("reevaluation").asText()).isEqualTo("TRIGGERED");
        JsonNode second = single(reevaluationTasks(mia, system));
        assertThat(second.path("processInstanceId").asText()).isEqualTo(pid);
        assertThat(second.path("taskDefinitionKey").asText()).isEqualTo("task_reassess");
        assertThat(taskVariable(mia, second, "triggerDetail").asText()).contains("0.2000");

        // Suspended: every approved version SUSPENDED, and the pipeline refuses it.
        complete(mia, pid, "task_reassess", reassessment("SUSPEND"));
        complete(oscar, pid, "task_reevaluation_decision", decision("SUSPEND"));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("SUSPENDED");
        ben.get(decisionPath(system, "1.0.0")).expect(409);
        assertThat(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + pid
                + "&activityId=end_system_suspended").expect(200).json()).hasSize(1);
        JsonNode suspended = lifecycle(system);
        List<String> reevaluationStatuses = new ArrayList<>();
        suspended.path("history").forEach(r -> {
            if ("RE_EVALUATION".equals(r.path("gate").asText())) {
                reevaluationStatuses.add(r.path("status").asText());
            }
        });
        assertThat(reevaluationStatuses).containsExactly("PASSED", "SUSPENDED");

        // The watch ended with the suspension; asking for a re-evaluation starts a new one, and continuing lifts the
        // suspension this re-evaluation imposed.
        JsonNode requested = olivia.post("/api/systems/" + system + "/reevaluations",
                Map.of("reason", "Retrained on recent data; please re-assess")).expect(202).json();
        assertThat(requested.path("reevaluation").asText()).isEqualTo("STARTED");
        JsonNode third = single(reevaluationTasks(mia, system));
        String restarted = third.path("processInstanceId").asText();
        assertThat(restarted).isNotEqualTo(pid);
        assertThat(taskVariable(mia, third, "trigger").asText()).isEqualTo("MANUAL");
        complete(mia, restarted, "task_reassess", reassessment("CONTINUE"));
        complete(oscar, restarted, "task_reevaluation_decision", decision("CONTINUE"));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("APPROVED");
        ben.get(decisionPath(system, "1.0.0")).expect(200);

        // A re-evaluation started from Tasklist's start form for a watched system wakes the watch and ends at once.
        mia.post("/engine-rest/process-definition/key/re-evaluation/start", Map.of("variables", Map.of(
                "systemId", Map.of("value", system, "type", "Long"),
                "triggerDetail", Map.of("value", "Customer complaints about routes")))).expect(200);
        JsonNode woken = single(reevaluationTasks(mia, system));
        assertThat(woken.path("processInstanceId").asText()).isEqualTo(restarted);
        assertThat(taskVariable(mia, woken, "triggerDetail").asText()).contains("Requested by mia")
                .contains("Customer complaints");
        olivia.post("/api/systems/" + system + "/reevaluations", Map.of("reason", "short")).expect(400);
        ben.post("/api/systems/" + system + "/reevaluations", Map.of("reason", "Business wants a check"))
                .expect(403);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 6. Retirement
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void anApprovedRetirementRetiresEveryVersionAndTheSystemEntersNoGateAgain() {
        String name = "Legacy recommender " + UUID.randomUUID();
        long system = createSystem(name);
        walk().passGatesBeforeDeployment(system, "MINIMAL", "1.0.0");
        deploy(system, "1.0.0");
        registerVersion(system, "2.0.0");

        String pid = start(olivia, "retirement", Map.of("systemId", system, "retirementReason", "REPLACED",
                "triggerDetail", "Replaced by the new recommender"));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("retirementReason", "REPLACED");
        plan.put("replacedBy", "Recommender 2");
        plan.put("dataRetentionPlan", "Keep decision logs for six years, then delete.");
        plan.put("deletionPlan", "Delete model weights and feature store after hand-over.");
        plan.put("dependentSystems", "Shop front end (switches to Recommender 2)");
        plan.put("rationale", "Replaced by Recommender 2 after its own gates.");
        complete(olivia, pid, "task_retirement_plan", plan);
        EvidenceFixtures.attach(olivia, "SYSTEM", system, "DATA_DISPOSAL_RECORD", "data-disposal-record.md");
        complete(lena, pid, "task_legal_review", decision("APPROVE"));
        // The product owner who started and planned the retirement cannot approve it.
        olivia.post(taskPath(task(olivia, pid, "task_accountable_approval").path("id").asText()) + "/complete",
                completion(decision("APPROVE"))).expect(403);
        complete(oscar, pid, "task_accountable_approval", decision("APPROVE"));

        JsonNode versions = ben.get("/api/systems/" + system + "/versions").expect(200).json().path("content");
        assertThat(texts(versions, "status")).hasSize(2).containsOnly("RETIRED");
        ben.get(decisionPath(system, "1.0.0")).expect(409);
        JsonNode retired = lifecycle(system);
        assertThat(retired.path("currentStage").asText()).isEqualTo("RETIREMENT");
        assertThat(retired.at("/gates/RETIREMENT").asText()).isEqualTo("PASSED");
        assertThat(gateRun(retired, "RETIREMENT").path("decidedBy").asText()).isEqualTo("oscar");
        assertThat(jdbc.queryForObject("select replaced_by from retirement_plan where gate_id = ?", String.class,
                gateRun(retired, "RETIREMENT").path("gateId").asLong())).isEqualTo("Recommender 2");
        assertThat(notifications("retirement gate passed: " + name)).containsExactlyInAnyOrder(
                "business-stakeholders", "governance-board");

        // A retired system enters no gate.
        Response again = olivia.post("/engine-rest/process-definition/key/inception/start",
                Map.of("variables", LifecycleWalk.engineVariables(inceptionAnswers(system, "NONE", "NONE"))));
        // The gate's own rule refuses the start: 409 with the reason (docs/lifecycle-gates.md).
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(texts(again.json().path("reasons"))).anySatisfy(r -> assertThat(r).contains("retired"));
        assertThat(lifecycle(system).path("inProgress")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 7. The Informed parties are told when a gate passes
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theInformedGroupsOfAPassedGateAreNotified() {
        String name = "Notified planner " + UUID.randomUUID();
        long system = createSystem(name);
        String pid = startInception(olivia, system, "NONE", "NONE");
        assertThat(notifications("inception gate passed: " + name)).isEmpty();
        complete(oscar, pid, "task_accountable_approval", decision("APPROVE"));

        // inception-approval informs business-stakeholders and governance-board, once each, and nobody else.
        assertThat(notifications("inception gate passed: " + name)).containsExactlyInAnyOrder(
                "business-stakeholders", "governance-board");
        String body = jdbc.queryForObject("select body from notification where recipient = 'governance-board' "
                + "and subject = ?", String.class, "inception gate passed: " + name);
        assertThat(body).contains("Decided by: oscar").contains(RATIONALE).contains("started by olivia");

        // The design gate informs business-stakeholders only (design-approval).
        walk().passDesign(system);
        assertThat(notifications("design & development gate passed: " + name))
                .containsExactly("business-stakeholders");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    long createSystem(String name) {
        return SystemFixtures.registerSystem(olivia, name, "MINIMAL");
    }

    /** Registers the version with its model card in the evidence store: the deployment gate approves no version without. */
    void registerVersion(long system, String label) {
        EvidenceFixtures.versionWithModelCard(mia, system, label, "c".repeat(64));
    }

    /** Through the deployment gate: submitted by olivia, reviewed by mia and sam, approved by oscar. */
    void deploy(long system, String label) {
        JsonNode request = walk().submitForDeployment(system, label, Map.of("note", "Release " + label));
        assertThat(request.path("status").asText()).as(request.toString()).isEqualTo("IN_REVIEW");
        walk().approveDeployment(request.path("processInstanceId").asText(), "sam");
        assertThat(versionStatus(system, label)).isEqualTo("APPROVED");
    }

    static Map<String, Object> inceptionAnswers(long system, String prohibitedPractice, String annexIIIArea) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("systemId", system);
        answers.put("intendedUse", "Ranks applications for a human recruiter to read first.");
        answers.put("affectedPeople", "Job applicants and recruiters");
        answers.put("aiType", "PREDICTIVE");
        answers.put("prohibitedPractice", prohibitedPractice);
        answers.put("annexIIIArea", annexIIIArea);
        answers.put("safetyComponent", false);
        answers.put("interactsWithPeople", false);
        answers.put("generatesSyntheticContent", false);
        return answers;
    }

    String startInception(Caller who, long system, String prohibitedPractice, String annexIIIArea) {
        return start(who, "inception", inceptionAnswers(system, prohibitedPractice, annexIIIArea));
    }

    String start(Caller who, String processKey, Map<String, Object> variables) {
        return who.post("/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("variables", LifecycleWalk.engineVariables(variables))).expect(200).json().path("id").asText();
    }

    static Map<String, Object> impactAssessment() {
        Map<String, Object> assessment = new LinkedHashMap<>();
        for (String part : List.of("systemContext", "stakeholdersAffected", "ethicsAndBias", "recourseAndOversight",
                "safetyGovernance", "performanceThresholds")) {
            assessment.put(part, "Assessed in the API test: " + part + " documented and reviewed.");
        }
        assessment.put("rationale", "High-risk employment use; assessed in full.");
        return assessment;
    }

    static Map<String, Object> reassessment(String recommendation) {
        return Map.of("findings", "Input drift on seasonal features; accuracy holds on the latest labelled sample.",
                "recommendation", recommendation, "rationale", "Recommendation from the drift analysis.");
    }

    static Map<String, Object> decision(String decision) {
        return Map.of("decision", decision, "rationale", RATIONALE);
    }

    static Map<String, Object> completion(Map<String, Object> variables) {
        return Map.of("variables", LifecycleWalk.engineVariables(variables));
    }

    /** The caller finds the one open task with this key, claims it and completes it (204). */
    void complete(Caller who, String pid, String taskKey, Map<String, Object> variables) {
        String id = task(who, pid, taskKey).path("id").asText();
        who.post(taskPath(id) + "/claim", Map.of("userId", who.userId())).expect(204);
        who.post(taskPath(id) + "/complete", completion(variables)).expect(204);
    }

    List<JsonNode> tasks(Caller who, String pid, String taskKey) {
        JsonNode list = who.get("/engine-rest/task?processInstanceId=" + pid
                + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey)).expect(200).json();
        List<JsonNode> tasks = new ArrayList<>();
        list.forEach(tasks::add);
        return tasks;
    }

    JsonNode task(Caller who, String pid, String taskKey) {
        List<JsonNode> tasks = tasks(who, pid, taskKey);
        assertThat(tasks).as(who + " sees one open " + taskKey + " of " + pid).hasSize(1);
        return tasks.get(0);
    }

    /**
     * The open re-evaluation tasks of this system that the caller sees. A typed query (POST): in a GET query the
     * value is a string and would not match the numeric systemId.
     */
    List<JsonNode> reevaluationTasks(Caller who, long system) {
        JsonNode list = who.post("/engine-rest/task", Map.of("processDefinitionKey", "re-evaluation",
                "processVariables", List.of(Map.of("name", "systemId", "operator", "eq", "value", system))))
                .expect(200).json();
        List<JsonNode> tasks = new ArrayList<>();
        list.forEach(tasks::add);
        return tasks;
    }

    JsonNode taskVariable(Caller who, JsonNode task, String name) {
        return who.get(taskPath(task.path("id").asText()) + "/variables/" + name).expect(200).json().path("value");
    }

    List<String> candidateGroups(String pid, String taskKey) {
        String id = task(admin, pid, taskKey).path("id").asText();
        return texts(admin.get(taskPath(id) + "/identity-links?type=candidate").expect(200).json(), "groupId");
    }

    JsonNode lifecycle(long system) {
        return ben.get("/api/systems/" + system + "/lifecycle").expect(200).json();
    }

    /** The latest run of the gate in the system's history. */
    static JsonNode gateRun(JsonNode lifecycle, String gate) {
        JsonNode found = null;
        for (JsonNode run : lifecycle.path("history")) {
            if (gate.equals(run.path("gate").asText())) {
                found = run;
            }
        }
        assertThat(found).as("a " + gate + " run in " + lifecycle).isNotNull();
        return found;
    }

    String versionStatus(long system, String label) {
        return ben.get("/api/systems/" + system + "/versions/" + label).expect(200).json().path("status").asText();
    }

    /** The recipients of the notifications with this subject. */
    List<String> notifications(String subject) {
        return jdbc.queryForList("select recipient from notification where subject = ?", String.class, subject);
    }

    long count(String sql, long system) {
        return jdbc.queryForObject(sql, Long.class, system);
    }

    static Map<String, Object> dataset(String name, List<String> personalData, String treatment) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", name);
        dataset.put("purpose", "TRAINING");
        dataset.put("source", "Applicant tracking system 2021-2025");
        dataset.put("collectionMethod", "Exported by the data platform");
        dataset.put("legalBasis", "LEGITIMATE_INTERESTS");
        dataset.put("copyrightChecked", true);
        dataset.put("personalDataCategories", personalData);
        dataset.put("personalDataTreatment", treatment);
        dataset.put("synthetic", false);
        dataset.put("qualityChecks", "Completeness and duplicates checked");
        return dataset;
    }

    static Map<String, Object> metric(String kind, String metric, String protectedAttribute, double value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("metric", metric);
        if (protectedAttribute != null) {
            m.put("protectedAttribute", protectedAttribute);
        }
        m.put("value", value);
        return m;
    }

    static Map<String, Object> validationResults(String versionLabel, List<Map<String, Object>> metrics) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("versionLabel", versionLabel);
        results.put("metrics", metrics);
        results.put("robustnessNotes", "Perturbation tests on salaries and dates pass.");
        results.put("explainabilityNotes", "Feature attributions shown to recruiters.");
        results.put("modelCard", Map.of("intendedUse", "Ranking applications for human review", "limitations",
                "Career changers under-represented", "failureCases", "Gaps in employment history",
                "trainingData", "Applicant histories 2021-2025, pseudonymised"));
        return results;
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.problemFields()).as(response.toString()).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    static JsonNode single(JsonNode array) {
        assertThat(array.size()).as(array.toString()).isEqualTo(1);
        return array.get(0);
    }

    static JsonNode single(List<JsonNode> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    static Map<String, JsonNode> byTaskKey(JsonNode openTasks) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        openTasks.forEach(t -> byKey.put(t.path("taskKey").asText(), t));
        return byKey;
    }

    static JsonNode findById(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("No item " + id + " in " + items);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    static String taskPath(String taskId) {
        return "/engine-rest/task/" + taskId;
    }

    static String datasetsPath(long system) {
        return "/api/systems/" + system + "/datasets";
    }

    static String validationsPath(long system) {
        return "/api/systems/" + system + "/validations";
    }

    static String monitoringPath(long system) {
        return "/api/systems/" + system + "/monitoring";
    }

    static String risksPath(long system) {
        return "/api/systems/" + system + "/risks";
    }

    static String requestsPath(long system, String label) {
        return "/api/systems/" + system + "/versions/" + label + "/deployment-requests";
    }

    static String decisionPath(long system, String label) {
        return "/api/systems/" + system + "/versions/" + label + "/deployment-decision";
    }
}
