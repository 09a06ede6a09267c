package io.aimsgate.inception.process;

import static io.aimsgate.inception.process.InceptionModel.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.inventory.AiType;
import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.DecisionListenerDouble.Completed;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inception gate, path by path, with the real eu-ai-act-tier decision classifying the screening and the real
 * RACI task listener over the application's matrix offering each task. The delegates are test doubles that set
 * what docs/lifecycle-gates.md says the real ones set; {@link DecisionListenerDouble} stands in for the
 * life-cycle decision listener. The last tests check the model against its forms and the contract.
 */
@Deployment(resources = {InceptionModel.BPMN, InceptionModel.DMN, "forms/inception-start.form",
        "forms/impact-assessment.form", "forms/lifecycle-review.form", "forms/lifecycle-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class InceptionProcessTest {

    static final long SYSTEM_ID = 7L;
    static final long GATE_ID = 31L;
    static final String SYSTEM_NAME = "Credit scoring";
    static final String BUSINESS_OWNER = "olivia";
    static final String REQUESTER = "priya";
    static final String RATIONALE = "Evidence checked against the intended use.";
    static final String REJECTION = "The recourse described does not reach the applicants.";

    static final String OPEN = "openLifecycleGate";
    static final String SCREENING = "recordInceptionScreening";
    static final String APPLY_TIER = "applyEuAiActTier";
    static final String IMPACT = "recordImpactAssessment";
    static final String PASS = "passLifecycleGate";
    static final String REJECT = "rejectLifecycleGate";

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    IdentityService identityService;
    ProcessSteps steps;

    /** Every delegate run, in order, as "bean@activity". */
    final List<String> journal = new ArrayList<>();
    /** What the rejecting delegate would record: the activity, its raciActivity and the reason. */
    final List<List<String>> rejections = new ArrayList<>();
    DecisionListenerDouble decisions;
    RecordingDelegate open;
    RecordingDelegate screening;
    RecordingDelegate applyTier;
    RecordingDelegate recordImpact;
    RecordingDelegate pass;
    RecordingDelegate reject;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);

        open = recorder(OPEN, InceptionProcessTest::openGate);
        screening = recorder(SCREENING, execution -> {
        });
        applyTier = recorder(APPLY_TIER, InceptionProcessTest::applyTier);
        recordImpact = recorder(IMPACT, execution -> {
        });
        pass = recorder(PASS, execution -> {
        });
        reject = recorder(REJECT, this::recordRejection);
        decisions = new DecisionListenerDouble();
        Mocks.register(OPEN, open);
        Mocks.register(SCREENING, screening);
        Mocks.register(APPLY_TIER, applyTier);
        Mocks.register(IMPACT, recordImpact);
        Mocks.register(PASS, pass);
        Mocks.register(REJECT, reject);
        Mocks.register("lifecycleDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    // ---- prohibited practice

    @ParameterizedTest(name = "{0}: rejected at once citing Art. 5(1)({1})")
    @CsvSource({"SUBLIMINAL_MANIPULATION, a", "EXPLOITING_VULNERABILITIES, b", "SOCIAL_SCORING, c",
            "CRIME_PREDICTION_PROFILING, d", "UNTARGETED_FACE_SCRAPING, e", "EMOTION_RECOGNITION_WORK_EDUCATION, f",
            "BIOMETRIC_CATEGORISATION_SENSITIVE, g", "REALTIME_REMOTE_BIOMETRIC_ID, h"})
    void aProhibitedPracticeIsRejectedAtOnceWithTheArticleAsReason(String practice, char point) {
        // also a high-risk area and a transparency flag: the prohibition wins
        ProcessInstance pi = start(screening(practice, "EMPLOYMENT", true, true, false));

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_RECORD_SCREENING, TASK_CLASSIFY_TIER,
                TASK_APPLY_TIER, GATEWAY_TIER, TASK_RECORD_PROHIBITED, END_PROHIBITED);
        assertThat(pi).hasNotPassed(TASK_IMPACT_ASSESSMENT, TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF,
                TASK_RECORD_PASS, TASK_RECORD_REJECTION, END_PASSED, END_REJECTED);
        Assertions.assertThat(journal).containsExactly(OPEN + "@" + TASK_OPEN, SCREENING + "@" + TASK_RECORD_SCREENING,
                APPLY_TIER + "@" + TASK_APPLY_TIER, REJECT + "@" + TASK_RECORD_PROHIBITED);
        Assertions.assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).count()).as("no user task was ever created").isZero();

        String article = "Art. 5(1)(" + point + ")";
        Map<String, Object> seen = reject.onlyRun();
        Assertions.assertThat(seen).containsEntry("euAiActTier", "UNACCEPTABLE").containsEntry("gateId", GATE_ID);
        Assertions.assertThat((String) seen.get("tierReason")).contains(article);
        Assertions.assertThat((String) seen.get("rejectionReason")).contains(article).isEqualTo(seen.get("tierReason"));
        Assertions.assertThat(rejections).containsExactly(
                List.of(TASK_RECORD_PROHIBITED, "inception-approval", (String) seen.get("rejectionReason")));
        Assertions.assertThat(decisions.completed).isEmpty();
        Assertions.assertThat(pass.runs).isEmpty();
        Assertions.assertThat(recordImpact.runs).isEmpty();
    }

    // ---- minimal and transparency tiers: the Accountable decides alone

    @Test
    void aMinimalRiskSystemPassesOnTheAccountableApproval() {
        ProcessInstance pi = start(screening(NONE, NONE, false, false, false));

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(classification(pi)).containsEntry("tier", "MINIMAL");
        Assertions.assertThat(steps.variable(pi, "euAiActTier")).isEqualTo("MINIMAL");
        Assertions.assertThat((String) steps.variable(pi, "tierReason")).startsWith("Minimal risk");
        Assertions.assertThat(steps.variable(pi, "rejectionReason")).isNull();
        Assertions.assertThat(steps.variable(pi, "initiator")).isEqualTo(REQUESTER);
        Assertions.assertThat(screening.onlyRun()).containsEntry("systemId", SYSTEM_ID)
                .containsEntry("intendedUse", "Scores consumer credit applications for the lending team.")
                .containsEntry("prohibitedPractice", NONE).containsEntry("gateId", GATE_ID);

        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, decision("APPROVE"));

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_RECORD_SCREENING, TASK_CLASSIFY_TIER,
                TASK_APPLY_TIER, GATEWAY_TIER, TASK_ACCOUNTABLE_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_PASS,
                END_PASSED);
        assertThat(pi).hasNotPassed(TASK_IMPACT_ASSESSMENT, TASK_ETHICS_REVIEW, TASK_LEGAL_REVIEW,
                TASK_BOARD_SIGNOFF, TASK_RECORD_PROHIBITED, TASK_RECORD_REJECTION);
        Assertions.assertThat(journal).containsExactly(OPEN + "@" + TASK_OPEN, SCREENING + "@" + TASK_RECORD_SCREENING,
                APPLY_TIER + "@" + TASK_APPLY_TIER, PASS + "@" + TASK_RECORD_PASS);
        Assertions.assertThat(decisions.completed)
                .containsExactly(new Completed(TASK_ACCOUNTABLE_APPROVAL, "APPROVE", RATIONALE));
        Assertions.assertThat(pass.onlyRun()).containsEntry("lastDecision", "APPROVE")
                .containsEntry("euAiActTier", "MINIMAL").containsEntry("gateId", GATE_ID);
        Assertions.assertThat(reject.runs).isEmpty();
    }

    @Test
    void aMinimalRiskSystemRejectedByTheAccountableEndsRejectedWithTheRationale() {
        ProcessInstance pi = start(screening(NONE, NONE, false, false, false));

        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("decision", "REJECT", "rationale", REJECTION));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_REJECTION,
                END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_BOARD_SIGNOFF, TASK_RECORD_PASS, END_PASSED, END_PROHIBITED);
        Assertions.assertThat(journal).containsExactly(OPEN + "@" + TASK_OPEN, SCREENING + "@" + TASK_RECORD_SCREENING,
                APPLY_TIER + "@" + TASK_APPLY_TIER, REJECT + "@" + TASK_RECORD_REJECTION);
        Assertions.assertThat(reject.onlyRun()).containsEntry("lastDecision", "REJECT")
                .doesNotContainKey("rejectionReason");
        Assertions.assertThat(rejections)
                .containsExactly(List.of(TASK_RECORD_REJECTION, "inception-approval", REJECTION));
        Assertions.assertThat(pass.runs).isEmpty();
    }

    @ParameterizedTest(name = "interacts {0}, synthetic content {1}: transparency tier ({2})")
    @CsvSource({"true, false, Art. 50(1)", "false, true, Art. 50(2)", "true, true, Art. 50(1)"})
    void aTransparencyTierSystemIsApprovedByTheAccountableWithoutAssessmentReviewsOrBoard(boolean interacts,
            boolean synthetic, String article) {
        ProcessInstance pi = start(screening(NONE, NONE, false, interacts, synthetic));

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(steps.variable(pi, "euAiActTier")).isEqualTo("TRANSPARENCY");
        Assertions.assertThat((String) steps.variable(pi, "tierReason")).contains(article);
        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, decision("APPROVE"));

        assertThat(pi).isEnded().hasPassed(END_PASSED).hasNotPassed(TASK_IMPACT_ASSESSMENT, TASK_ETHICS_REVIEW,
                TASK_LEGAL_REVIEW, TASK_BOARD_SIGNOFF, TASK_RECORD_REJECTION);
        Assertions.assertThat(pass.onlyRun()).containsEntry("euAiActTier", "TRANSPARENCY");
        Assertions.assertThat(reject.runs).isEmpty();
    }

    /** Screening flags left unset (an API start without the checkboxes) count as false. */
    @Test
    void screeningFlagsLeftOutAreMinimalRisk() {
        Map<String, Object> variables = screening(NONE, NONE, false, false, false);
        FLAGS.forEach(variables::remove);
        ProcessInstance pi = start(variables);

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(steps.variable(pi, "euAiActTier")).isEqualTo("MINIMAL");
    }

    // ---- high risk

    @ParameterizedTest(name = "area {0}, safety component {1}: {2}")
    @CsvSource({"EMPLOYMENT, false, Annex III point 4", "NONE, true, Art. 6(1)"})
    void aHighRiskSystemNeedsImpactAssessmentBothReviewsTheAccountableAndTheBoard(String area, boolean safety,
            String cited) {
        ProcessInstance pi = start(screening(NONE, area, safety, true, false));

        assertThat(pi).isWaitingAtExactly(TASK_IMPACT_ASSESSMENT);
        Assertions.assertThat(steps.variable(pi, "euAiActTier")).isEqualTo("HIGH");
        Assertions.assertThat((String) steps.variable(pi, "tierReason")).contains(cited);
        steps.complete(pi, TASK_IMPACT_ASSESSMENT, RaciGroups.AI_PRODUCT_OWNERS, impactAssessment());

        Assertions.assertThat(recordImpact.onlyRun()).containsKeys(IMPACT_PARTS.toArray(String[]::new))
                .containsEntry("lastDecision", "SUBMIT");
        Assertions.assertThat(steps.variable(pi, "reviewRejected")).isEqualTo(false);
        steps.assertOpenTasks(pi, TASK_ETHICS_REVIEW, TASK_LEGAL_REVIEW);
        steps.complete(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, decision("APPROVE"));
        steps.assertOpenTasks(pi, TASK_ETHICS_REVIEW);
        steps.complete(pi, TASK_ETHICS_REVIEW, RaciGroups.ETHICS, decision("APPROVE"));

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL).hasPassed(GATEWAY_REVIEWS_JOIN,
                GATEWAY_REVIEWS_APPROVED);
        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, decision("APPROVE"));
        assertThat(pi).isWaitingAtExactly(TASK_BOARD_SIGNOFF);
        Assertions.assertThat(pass.runs).as("not passed before the board signs off").isEmpty();
        steps.complete(pi, TASK_BOARD_SIGNOFF, RaciGroups.GOVERNANCE_BOARD, decision("APPROVE"));

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_RECORD_SCREENING, TASK_CLASSIFY_TIER,
                TASK_APPLY_TIER, GATEWAY_TIER, TASK_IMPACT_ASSESSMENT, TASK_RECORD_IMPACT_ASSESSMENT,
                GATEWAY_REVIEWS_FORK, GATEWAY_REVIEWS_JOIN, GATEWAY_REVIEWS_APPROVED, TASK_ACCOUNTABLE_APPROVAL,
                GATEWAY_APPROVED, TASK_BOARD_SIGNOFF, GATEWAY_SIGNED_OFF, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasPassed(TASK_ETHICS_REVIEW, TASK_LEGAL_REVIEW)
                .hasNotPassed(TASK_RECORD_REJECTION, END_REJECTED, TASK_RECORD_PROHIBITED);
        Assertions.assertThat(journal).containsExactly(OPEN + "@" + TASK_OPEN, SCREENING + "@" + TASK_RECORD_SCREENING,
                APPLY_TIER + "@" + TASK_APPLY_TIER, IMPACT + "@" + TASK_RECORD_IMPACT_ASSESSMENT,
                PASS + "@" + TASK_RECORD_PASS);
        Assertions.assertThat(decisions.completed).extracting(Completed::taskKey, Completed::decision).containsExactly(
                Assertions.tuple(TASK_IMPACT_ASSESSMENT, "SUBMIT"), Assertions.tuple(TASK_LEGAL_REVIEW, "APPROVE"),
                Assertions.tuple(TASK_ETHICS_REVIEW, "APPROVE"),
                Assertions.tuple(TASK_ACCOUNTABLE_APPROVAL, "APPROVE"),
                Assertions.tuple(TASK_BOARD_SIGNOFF, "APPROVE"));
        Assertions.assertThat(pass.onlyRun()).containsEntry("euAiActTier", "HIGH")
                .containsEntry("reviewRejected", false).containsEntry("lastDecision", "APPROVE");
        Assertions.assertThat(reject.runs).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejects: the other review still runs, then the gate is rejected")
    @ValueSource(strings = {TASK_ETHICS_REVIEW, TASK_LEGAL_REVIEW})
    void aRejectingReviewRejectsTheHighRiskGateOnceBothReviewsAreDone(String rejecting) {
        ProcessInstance pi = startHighRisk();
        String other = TASK_ETHICS_REVIEW.equals(rejecting) ? TASK_LEGAL_REVIEW : TASK_ETHICS_REVIEW;

        steps.complete(pi, rejecting, reviewGroup(rejecting), Map.of("decision", "REJECT", "rationale", REJECTION));
        steps.assertOpenTasks(pi, other);
        Assertions.assertThat(reject.runs).as("the join waits for the other review").isEmpty();
        steps.complete(pi, other, reviewGroup(other), decision("APPROVE"));

        assertThat(pi).isEnded().hasPassedInOrder(GATEWAY_REVIEWS_JOIN, GATEWAY_REVIEWS_APPROVED,
                TASK_RECORD_REJECTION, END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF, TASK_RECORD_PASS, END_PASSED);
        Assertions.assertThat(reject.onlyRun()).containsEntry("reviewRejected", true)
                .containsEntry("lastDecision", "APPROVE");
        // the reason is the rejecting review's rationale, though the other review approved after it
        Assertions.assertThat(rejections)
                .containsExactly(List.of(TASK_RECORD_REJECTION, "inception-approval", REJECTION));
        Assertions.assertThat(journal).endsWith(IMPACT + "@" + TASK_RECORD_IMPACT_ASSESSMENT,
                REJECT + "@" + TASK_RECORD_REJECTION);
        Assertions.assertThat(pass.runs).isEmpty();
    }

    @Test
    void bothReviewsRejectingRejectTheHighRiskGateOnce() {
        ProcessInstance pi = startHighRisk();

        steps.complete(pi, TASK_ETHICS_REVIEW, RaciGroups.ETHICS, Map.of("decision", "REJECT", "rationale", REJECTION));
        steps.complete(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, decision("REJECT"));

        assertThat(pi).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(reject.runs).hasSize(1);
        Assertions.assertThat(rejections).containsExactly(List.of(TASK_RECORD_REJECTION, "inception-approval",
                RATIONALE));
    }

    @Test
    void theAccountableRejectingAHighRiskSystemEndsTheGateWithoutTheBoard() {
        ProcessInstance pi = startHighRisk();
        approveReviews(pi);

        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("decision", "REJECT", "rationale", REJECTION));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_REJECTION,
                END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_BOARD_SIGNOFF, TASK_RECORD_PASS);
        Assertions.assertThat(rejections)
                .containsExactly(List.of(TASK_RECORD_REJECTION, "inception-approval", REJECTION));
        Assertions.assertThat(pass.runs).isEmpty();
    }

    @Test
    void theBoardRejectingAHighRiskSystemEndsTheGateRejected() {
        ProcessInstance pi = startHighRisk();
        approveReviews(pi);
        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, decision("APPROVE"));

        steps.complete(pi, TASK_BOARD_SIGNOFF, RaciGroups.GOVERNANCE_BOARD,
                Map.of("decision", "REJECT", "rationale", REJECTION));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF, GATEWAY_SIGNED_OFF,
                TASK_RECORD_REJECTION, END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_RECORD_PASS, END_PASSED);
        Assertions.assertThat(reject.onlyRun()).containsEntry("lastDecision", "REJECT");
        Assertions.assertThat(rejections)
                .containsExactly(List.of(TASK_RECORD_REJECTION, "inception-approval", REJECTION));
        Assertions.assertThat(pass.runs).isEmpty();
    }

    /** Whatever reviewRejected says before the reviews (e.g. sent with the start form), the reviews decide. */
    @Test
    void theReviewsStartFromAClearRecordWhateverCameBefore() {
        Map<String, Object> variables = screening(NONE, "EDUCATION", false, false, false);
        variables.put("reviewRejected", true);
        ProcessInstance pi = start(variables);
        steps.complete(pi, TASK_IMPACT_ASSESSMENT, RaciGroups.AI_PRODUCT_OWNERS, impactAssessment());

        approveReviews(pi);

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(reject.runs).isEmpty();
    }

    @Test
    void everyTaskAndTheStartEventServeTheirDeployedForm() throws IOException {
        ProcessInstance pi = start(screening(NONE, "MIGRATION_BORDER", false, false, false));
        try (InputStream startForm = processEngine.getFormService()
                .getDeployedStartForm(pi.getProcessDefinitionId())) {
            Assertions.assertThat(new ObjectMapper().readTree(startForm).get("id").asText())
                    .isEqualTo("inception-start");
        }
        Map<String, String> served = new HashMap<>();
        served.put(TASK_IMPACT_ASSESSMENT, deployedFormId(pi, TASK_IMPACT_ASSESSMENT));
        steps.complete(pi, TASK_IMPACT_ASSESSMENT, RaciGroups.AI_PRODUCT_OWNERS, impactAssessment());
        approveReviews(pi, served);
        steps.complete(pi, TASK_ACCOUNTABLE_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, decision("APPROVE"));
        served.put(TASK_BOARD_SIGNOFF, deployedFormId(pi, TASK_BOARD_SIGNOFF));

        Assertions.assertThat(served).containsOnly(Map.entry(TASK_IMPACT_ASSESSMENT, "impact-assessment"),
                Map.entry(TASK_ETHICS_REVIEW, "lifecycle-review"),
                Map.entry(TASK_LEGAL_REVIEW, "lifecycle-review"),
                Map.entry(TASK_ACCOUNTABLE_APPROVAL, "lifecycle-approval"),
                Map.entry(TASK_BOARD_SIGNOFF, "lifecycle-approval"));
    }

    // ---- the model against the contract and its forms

    /** The delegate beans of the contract, each at its service task. */
    static final Map<String, String> SERVICE_TASKS = Map.of(TASK_OPEN, "${openLifecycleGate}",
            TASK_RECORD_SCREENING, "${recordInceptionScreening}", TASK_APPLY_TIER, "${applyEuAiActTier}",
            TASK_RECORD_IMPACT_ASSESSMENT, "${recordImpactAssessment}", TASK_RECORD_PROHIBITED,
            "${rejectLifecycleGate}", TASK_RECORD_PASS, "${passLifecycleGate}", TASK_RECORD_REJECTION,
            "${rejectLifecycleGate}");

    /** User task -> form, RACI activity, role, declared decisions (null: APPROVE/REJECT). */
    static final Map<String, List<String>> USER_TASKS = Map.of(
            TASK_IMPACT_ASSESSMENT, Arrays.asList("impact-assessment", "inception-impact-assessment", "RESPONSIBLE",
                    "SUBMIT"),
            TASK_ETHICS_REVIEW, Arrays.asList("lifecycle-review", "inception-ethics-review", "CONSULTED", null),
            TASK_LEGAL_REVIEW, Arrays.asList("lifecycle-review", "inception-legal-review", "CONSULTED", null),
            TASK_ACCOUNTABLE_APPROVAL, Arrays.asList("lifecycle-approval", "inception-approval", "ACCOUNTABLE", null),
            TASK_BOARD_SIGNOFF, Arrays.asList("lifecycle-approval", "inception-high-risk-signoff", "ACCOUNTABLE",
                    null));

    static final List<String> IMPACT_PARTS = List.of("systemContext", "stakeholdersAffected", "ethicsAndBias",
            "recourseAndOversight", "safetyGovernance", "performanceThresholds");
    static final List<String> RISK_FIELDS = List.of("riskTitle", "riskDescription", "riskCategory", "riskLikelihood",
            "riskImpact");

    @Test
    void theModelDeclaresTheContractsProcessServiceTasksAndDecision() throws IOException {
        BpmnModelInstance model = bpmn();
        Process process = model.getModelElementById(KEY);
        Assertions.assertThat(process.isExecutable()).isTrue();
        Assertions.assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("730");
        Assertions.assertThat(process.getCamundaCandidateStarterGroupsList())
                .containsExactly(RaciGroups.AI_PRODUCT_OWNERS);
        StartEvent start = model.getModelElementById(START);
        Assertions.assertThat(start.getCamundaInitiator()).isEqualTo("initiator");

        Map<String, String> services = new HashMap<>();
        model.getModelElementsByType(ServiceTask.class)
                .forEach(task -> services.put(task.getId(), task.getCamundaDelegateExpression()));
        Assertions.assertThat(services).isEqualTo(SERVICE_TASKS);
        for (String id : List.of(TASK_RECORD_PROHIBITED, TASK_RECORD_PASS, TASK_RECORD_REJECTION)) {
            Assertions.assertThat(properties(model.getModelElementById(id)))
                    .as("raciActivity of %s", id).containsEntry(RaciDeclaration.ACTIVITY_PROPERTY, "inception-approval");
        }
        BusinessRuleTask classify = model.getModelElementById(TASK_CLASSIFY_TIER);
        Assertions.assertThat(classify.getCamundaDecisionRef()).isEqualTo(DECISION_KEY);
        Assertions.assertThat(classify.getCamundaDecisionRefBinding()).isEqualTo("deployment");
        Assertions.assertThat(classify.getCamundaMapDecisionResult()).isEqualTo("singleResult");
        Assertions.assertThat(classify.getCamundaResultVariable()).isEqualTo("tierClassification");

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            Assertions.assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            Assertions.assertThat(node.getDiagramElement()).as("shape of %s", node.getId()).isNotNull();
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            Assertions.assertThat(flow.getDiagramElement()).as("edge of %s", flow.getId()).isNotNull();
            if (flow.getConditionExpression() != null) {
                Assertions.assertThat(flow.getConditionExpression().getTextContent()).as("condition of %s",
                        flow.getId()).matches("\\$\\{[A-Za-z!=' ]+\\}");
            }
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() > 1 && !(gateway instanceof ParallelGateway)) {
                for (SequenceFlow out : gateway.getOutgoing()) {
                    Assertions.assertThat(out.getName()).as("name of %s", out.getId()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyUserTaskDeclaresItsFormRaciRoleDecisionsAndListeners() throws IOException {
        BpmnModelInstance model = bpmn();
        Set<String> seen = new HashSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            List<String> expected = USER_TASKS.get(task.getId());
            Assertions.assertThat(expected).as("user task %s is in the contract", task.getId()).isNotNull();
            Assertions.assertThat(task.getCamundaFormRef()).isEqualTo(expected.get(0));
            Assertions.assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            Map<String, String> properties = properties(task);
            Assertions.assertThat(properties.get(RaciDeclaration.ACTIVITY_PROPERTY)).isEqualTo(expected.get(1));
            Assertions.assertThat(RaciRole.valueOf(properties.get(RaciDeclaration.ROLE_PROPERTY)).name())
                    .isEqualTo(expected.get(2));
            Assertions.assertThat(properties.get("decisions")).as("decisions of %s", task.getId())
                    .isEqualTo(expected.get(3));
            Assertions.assertThat(task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaTaskListener.class).list())
                    .extracting(CamundaTaskListener::getCamundaEvent, CamundaTaskListener::getCamundaDelegateExpression)
                    .containsExactlyInAnyOrder(Assertions.tuple("create", "${raciTaskListener}"),
                            Assertions.tuple("assignment", "${lifecycleDecisionListener}"),
                            Assertions.tuple("complete", "${lifecycleDecisionListener}"));
            seen.add(task.getId());
        }
        Assertions.assertThat(seen).isEqualTo(USER_TASKS.keySet());
    }

    @Test
    void everyFormTheModelReferencesExistsUnderFormsWithThatId() throws IOException {
        BpmnModelInstance model = bpmn();
        List<String> refs = new ArrayList<>();
        StartEvent start = model.getModelElementById(START);
        Assertions.assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
        refs.add(start.getCamundaFormRef());
        model.getModelElementsByType(UserTask.class).forEach(task -> refs.add(task.getCamundaFormRef()));

        Assertions.assertThat(refs).containsExactlyInAnyOrder("inception-start", "impact-assessment",
                "lifecycle-review", "lifecycle-review", "lifecycle-approval", "lifecycle-approval");
        for (String ref : new HashSet<>(refs)) {
            JsonNode form = form(ref);
            Assertions.assertThat(form.get("id").asText()).isEqualTo(ref);
            assertCamunda7Form(form);
        }
    }

    @Test
    void theStartFormCarriesEveryAnswerTheDelegatesAndTheDecisionRead() throws IOException {
        JsonNode start = form("inception-start");

        JsonNode systemId = field(start, "systemId");
        Assertions.assertThat(systemId.get("type").asText()).isEqualTo("number");
        Assertions.assertThat(systemId.path("validate").path("required").asBoolean()).isTrue();
        for (String key : List.of("intendedUse", "affectedPeople", "prohibitedPractice", "annexIIIArea")) {
            Assertions.assertThat(field(start, key).path("validate").path("required").asBoolean())
                    .as("%s required", key).isTrue();
        }
        Assertions.assertThat(values(field(start, "aiType")))
                .containsExactlyElementsOf(Arrays.stream(AiType.values()).map(Enum::name).toList());
        for (String flag : FLAGS) {
            Assertions.assertThat(field(start, flag).get("type").asText()).isEqualTo("checkbox");
        }
        assertRiskFields(start);
    }

    @Test
    void theImpactAssessmentFormAsksTheSixPartsAndASummaryAndNoDecision() throws IOException {
        JsonNode form = form("impact-assessment");

        for (String part : IMPACT_PARTS) {
            JsonNode field = field(form, part);
            Assertions.assertThat(field.get("type").asText()).as("type of %s", part).isEqualTo("textarea");
            Assertions.assertThat(field.path("validate").path("required").asBoolean()).as("%s required", part)
                    .isTrue();
            Assertions.assertThat(field.path("validate").path("minLength").asInt()).isEqualTo(20);
            Assertions.assertThat(field.path("validate").path("maxLength").asInt()).isEqualTo(8000);
        }
        assertRationale(field(form, "rationale"));
        assertRiskFields(form);
        Assertions.assertThat(components(form)).noneMatch(c -> "decision".equals(c.path("key").asText()));
        for (String context : List.of("systemName", "euAiActTier", "tierReason")) {
            Assertions.assertThat(field(form, context).path("disabled").asBoolean()).as("%s read-only", context)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lifecycle-review", "lifecycle-approval"})
    void theSharedDecisionFormsShowTheSystemAndAskDecisionAndRationale(String id) throws IOException {
        JsonNode form = form(id);

        Assertions.assertThat(field(form, "systemName").path("disabled").asBoolean()).isTrue();
        JsonNode decision = field(form, "decision");
        Assertions.assertThat(decision.get("type").asText()).isEqualTo("radio");
        Assertions.assertThat(values(decision)).containsExactly("APPROVE", "REJECT");
        Assertions.assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
        assertRationale(field(form, "rationale"));
        Assertions.assertThat(components(form).stream().filter(c -> c.has("key")).map(c -> c.get("key").asText()))
                .as("generic: nothing gate-specific").containsExactlyInAnyOrder("systemName", "decision", "rationale");
    }

    // ---- helpers

    private ProcessInstance start(Map<String, Object> variables) {
        identityService.setAuthenticatedUserId(REQUESTER);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessInstance startHighRisk() {
        ProcessInstance pi = start(screening(NONE, "ESSENTIAL_SERVICES", false, false, false));
        Assertions.assertThat(steps.variable(pi, "euAiActTier")).isEqualTo("HIGH");
        steps.complete(pi, TASK_IMPACT_ASSESSMENT, RaciGroups.AI_PRODUCT_OWNERS, impactAssessment());
        steps.assertOpenTasks(pi, TASK_ETHICS_REVIEW, TASK_LEGAL_REVIEW);
        return pi;
    }

    private void approveReviews(ProcessInstance pi) {
        approveReviews(pi, new HashMap<>());
    }

    private void approveReviews(ProcessInstance pi, Map<String, String> servedForms) {
        servedForms.put(TASK_ETHICS_REVIEW, deployedFormId(pi, TASK_ETHICS_REVIEW));
        servedForms.put(TASK_LEGAL_REVIEW, deployedFormId(pi, TASK_LEGAL_REVIEW));
        steps.complete(pi, TASK_ETHICS_REVIEW, RaciGroups.ETHICS, decision("APPROVE"));
        steps.complete(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, decision("APPROVE"));
        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        servedForms.put(TASK_ACCOUNTABLE_APPROVAL, deployedFormId(pi, TASK_ACCOUNTABLE_APPROVAL));
    }

    private String deployedFormId(ProcessInstance pi, String taskKey) {
        try (InputStream in = processEngine.getFormService().getDeployedTaskForm(steps.openTask(pi, taskKey).getId())) {
            return new ObjectMapper().readTree(in).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reviewGroup(String reviewTask) {
        return TASK_ETHICS_REVIEW.equals(reviewTask) ? RaciGroups.ETHICS : RaciGroups.LEGAL;
    }

    /** The start form's variables: the system, its use, and the screening answers. */
    static Map<String, Object> screening(String practice, String area, Boolean safety, Boolean interacts,
            Boolean synthetic) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("systemId", SYSTEM_ID);
        variables.put("intendedUse", "Scores consumer credit applications for the lending team.");
        variables.put("affectedPeople", "Applicants for consumer credit, including financially vulnerable people.");
        variables.put("aiType", "PREDICTIVE");
        variables.put("prohibitedPractice", practice);
        variables.put("annexIIIArea", area);
        variables.put("safetyComponent", safety);
        variables.put("interactsWithPeople", interacts);
        variables.put("generatesSyntheticContent", synthetic);
        return variables;
    }

    static Map<String, Object> impactAssessment() {
        Map<String, Object> variables = new HashMap<>();
        IMPACT_PARTS.forEach(part -> variables.put(part, "Assessed for " + part + " with the lending team."));
        variables.put("rationale", "Impacts are known, mitigated and monitored.");
        return variables;
    }

    static Map<String, Object> decision(String decision) {
        return Map.of("decision", decision, "rationale", RATIONALE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> classification(ProcessInstance pi) {
        Object classification = steps.variable(pi, "tierClassification");
        Assertions.assertThat(classification).as("tierClassification").isInstanceOf(Map.class);
        return (Map<String, Object>) classification;
    }

    private RecordingDelegate recorder(String bean, Consumer<DelegateExecution> behaviour) {
        return new RecordingDelegate(execution -> {
            journal.add(bean + "@" + execution.getCurrentActivityId());
            behaviour.accept(execution);
        });
    }

    // ---- what the real delegates set, per docs/lifecycle-gates.md

    /** openLifecycleGate: the gate record and the system's name and owner. */
    private static void openGate(DelegateExecution execution) {
        execution.setVariable("gateId", GATE_ID);
        execution.setVariable("systemName", SYSTEM_NAME);
        execution.setVariable("businessOwner", BUSINESS_OWNER);
    }

    /** applyEuAiActTier: tier and reason from the decision's result; a prohibited practice is the rejection reason. */
    private static void applyTier(DelegateExecution execution) {
        Map<?, ?> classification = (Map<?, ?>) execution.getVariable("tierClassification");
        String tier = (String) classification.get("tier");
        String reason = (String) classification.get("tierReason");
        execution.setVariable("euAiActTier", tier);
        execution.setVariable("tierReason", reason);
        if ("UNACCEPTABLE".equals(tier)) {
            execution.setVariable("rejectionReason", reason);
        }
    }

    /**
     * rejectLifecycleGate: the reason is rejectionReason when set, else the rationale of the last rejecting
     * decision; the Informed come from the service task's raciActivity.
     */
    private void recordRejection(DelegateExecution execution) {
        Object reason = execution.getVariable("rejectionReason");
        if (reason == null) {
            reason = decisions.completed.stream().filter(d -> "REJECT".equals(d.decision()))
                    .reduce((first, second) -> second).map(Completed::rationale).orElse(null);
        }
        String activity = properties(execution.getBpmnModelElementInstance()).get(RaciDeclaration.ACTIVITY_PROPERTY);
        rejections.add(Arrays.asList(execution.getCurrentActivityId(), activity, (String) reason));
    }

    private static void assertRationale(JsonNode rationale) {
        Assertions.assertThat(rationale.get("type").asText()).isEqualTo("textarea");
        Assertions.assertThat(rationale.path("validate").path("required").asBoolean()).isTrue();
        Assertions.assertThat(rationale.path("validate").path("minLength").asInt()).isEqualTo(10);
        Assertions.assertThat(rationale.path("validate").path("maxLength").asInt()).isEqualTo(4000);
    }

    private static void assertRiskFields(JsonNode form) {
        for (String key : RISK_FIELDS) {
            Assertions.assertThat(field(form, key).path("validate").path("required").asBoolean())
                    .as("%s optional", key).isFalse();
        }
        Assertions.assertThat(values(field(form, "riskCategory")))
                .containsExactlyElementsOf(Arrays.stream(StrideCategory.values()).map(Enum::name).toList());
        for (String scale : List.of("riskLikelihood", "riskImpact")) {
            JsonNode field = field(form, scale);
            Assertions.assertThat(field.get("type").asText()).isEqualTo("number");
            Assertions.assertThat(field.path("validate").path("min").asInt()).isEqualTo(1);
            Assertions.assertThat(field.path("validate").path("max").asInt()).isEqualTo(5);
        }
    }

    /** Camunda 7 form: schema 16, every component with a unique id, labelled fields, lengths bounded. */
    private static void assertCamunda7Form(JsonNode form) {
        Assertions.assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        Assertions.assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
        Assertions.assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(form)) {
            Assertions.assertThat(ids.add(component.path("id").asText())).as("unique id %s", component.get("id"))
                    .isTrue();
            Assertions.assertThat(component.path("layout").path("row").asText()).as("row of %s", component.get("id"))
                    .isNotBlank();
            if (component.has("key")) {
                String key = component.get("key").asText();
                Assertions.assertThat(keys.add(key)).as("unique key %s", key).isTrue();
                Assertions.assertThat(component.path("label").asText()).as("label of %s", key).isNotBlank();
                String type = component.get("type").asText();
                if (List.of("textfield", "textarea").contains(type) && !component.path("disabled").asBoolean()) {
                    Assertions.assertThat(component.path("validate").path("maxLength").asInt())
                            .as("maxLength of %s", key).isPositive();
                }
                if (List.of("select", "radio").contains(type)) {
                    Assertions.assertThat(component.get("values")).as("values of %s", key).isNotEmpty();
                }
            }
        }
    }
}
