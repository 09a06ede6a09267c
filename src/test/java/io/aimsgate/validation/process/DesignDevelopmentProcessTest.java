package io.aimsgate.validation.process;

import static io.aimsgate.validation.process.DesignVvGate.OPEN;
import static io.aimsgate.validation.process.DesignVvGate.PASS;
import static io.aimsgate.validation.process.DesignVvGate.REJECT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.validation.process.DesignVvGate.Call;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The design &amp; development gate (docs/lifecycle-gates.md), path by path. Service tasks are test doubles that set
 * the variables the contract gives them; the decision listener is its double and the RACI task listener the real
 * one over the application's matrix, so every user task is checked to be offered to exactly its RACI group.
 */
@Deployment(resources = {"processes/design-development.bpmn", "forms/design-development-start.form",
        "forms/dataset-register-remediation.form", "forms/lifecycle-review.form", "forms/lifecycle-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class DesignDevelopmentProcessTest {

    static final String KEY = "design-development";
    static final String START = "start_design_review_requested";
    static final String TASK_OPEN = "task_open_design";
    static final String GATEWAY_MERGE_CHECK = "gateway_merge_dataset_check";
    static final String TASK_CHECK_DATASETS = "task_check_datasets";
    static final String GATEWAY_DATASETS_COMPLETE = "gateway_datasets_complete";
    static final String TASK_COMPLETE_REGISTER = "task_complete_dataset_register";
    static final String GATEWAY_REMEDIATION = "gateway_remediation_action";
    static final String TASK_RECORD_WITHDRAWAL = "task_record_withdrawal";
    static final String END_WITHDRAWN = "end_design_withdrawn";
    static final String GATEWAY_PERSONAL_DATA = "gateway_personal_data";
    static final String TASK_PRIVACY_REVIEW = "task_privacy_review";
    static final String GATEWAY_PRIVACY_APPROVED = "gateway_privacy_approved";
    static final String TASK_APPROVAL = "task_accountable_approval";
    static final String GATEWAY_APPROVED = "gateway_approved";
    static final String TASK_RECORD_PASS = "task_record_pass";
    static final String END_PASSED = "end_design_passed";
    static final String TASK_RECORD_REJECTION = "task_record_rejection";
    static final String END_REJECTED = "end_design_rejected";

    static final String CHECK = "checkDatasetRegister";
    static final String RACI_ACTIVITY = "design-approval";
    static final long SYSTEM = 7L;
    static final String REQUESTER = "tom"; // ml-engineers
    static final String DESIGN_SUMMARY = "Gradient-boosted trees over bureau and application data; "
            + "design record in the architecture wiki, ADR-12 to ADR-15.";
    static final String RATIONALE = "Evidence checked against the gate criteria.";
    static final String BLOCKING_REASONS = "Dataset 'loan-applications-2024': no provenance recorded\n"
            + "Dataset 'bureau-scores': no quality assessment recorded";

    /** One answer of the dataset register check. */
    record Register(boolean blocked, String reasons, boolean personalData, long count) {

        static Register complete(boolean personalData) {
            return new Register(false, "", personalData, 3L);
        }

        static Register incomplete() {
            return new Register(true, BLOCKING_REASONS, false, 2L);
        }
    }

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;

    DesignVvGate gate;
    /** What the register check answers, run by run; a run without an answer fails the test. */
    Deque<Register> register;
    RecordingDelegate checkDatasets;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        gate = new DesignVvGate();
        register = new ArrayDeque<>();
        checkDatasets = gate.delegate(CHECK, execution -> {
            Register answer = register.pop();
            execution.setVariable("datasetsBlocked", answer.blocked());
            execution.setVariable("datasetBlockingReasons", answer.reasons());
            execution.setVariable("personalDataPresent", answer.personalData());
            execution.setVariable("datasetCount", answer.count());
        });
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aCompleteRegisterWithoutPersonalDataGoesStraightToTheAccountableAndPasses() {
        register.add(Register.complete(false));
        ProcessInstance pi = start();

        Assertions.assertThat(gate.open.onlyRun()).containsEntry("systemId", SYSTEM)
                .containsEntry("designSummary", DESIGN_SUMMARY).containsEntry("initiator", REQUESTER);
        Assertions.assertThat(checkDatasets.onlyRun()).containsEntry("gateId", DesignVvGate.GATE_ID);
        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        decide(pi, TASK_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_CHECK_DATASETS, GATEWAY_DATASETS_COMPLETE,
                GATEWAY_PERSONAL_DATA, TASK_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasNotPassed(TASK_COMPLETE_REGISTER, TASK_PRIVACY_REVIEW, TASK_RECORD_REJECTION,
                TASK_RECORD_WITHDRAWAL, END_REJECTED, END_WITHDRAWN);
        Assertions.assertThat(gate.calls).containsExactly(new Call(OPEN, TASK_OPEN, null),
                new Call(CHECK, TASK_CHECK_DATASETS, null), new Call(PASS, TASK_RECORD_PASS, RACI_ACTIVITY));
        Assertions.assertThat(gate.pass.onlyRun()).containsEntry("lastDecision", "APPROVE")
                .containsEntry("gateId", DesignVvGate.GATE_ID).containsEntry("systemId", SYSTEM);
        Assertions.assertThat(gate.decisionsTaken()).containsExactly(TASK_APPROVAL + ":APPROVE");
    }

    @Test
    void personalDataBringsInThePrivacyReviewBeforeTheAccountableApproval() {
        register.add(Register.complete(true));
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAtExactly(TASK_PRIVACY_REVIEW);
        decide(pi, TASK_PRIVACY_REVIEW, RaciGroups.PRIVACY, "APPROVE");
        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        decide(pi, TASK_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_CHECK_DATASETS, GATEWAY_PERSONAL_DATA,
                TASK_PRIVACY_REVIEW, GATEWAY_PRIVACY_APPROVED, TASK_APPROVAL, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasNotPassed(TASK_COMPLETE_REGISTER, TASK_RECORD_REJECTION, END_REJECTED);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, CHECK, PASS);
        Assertions.assertThat(gate.decisionsTaken()).containsExactly(TASK_PRIVACY_REVIEW + ":APPROVE",
                TASK_APPROVAL + ":APPROVE");
    }

    @Test
    void aPrivacyRejectionRejectsTheGateWithoutAskingTheAccountable() {
        register.add(Register.complete(true));
        ProcessInstance pi = start();

        decide(pi, TASK_PRIVACY_REVIEW, RaciGroups.PRIVACY, "REJECT");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_PRIVACY_REVIEW, GATEWAY_PRIVACY_APPROVED,
                TASK_RECORD_REJECTION, END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_APPROVAL, TASK_RECORD_PASS, END_PASSED);
        Assertions.assertThat(gate.calls).containsExactly(new Call(OPEN, TASK_OPEN, null),
                new Call(CHECK, TASK_CHECK_DATASETS, null),
                new Call(REJECT, TASK_RECORD_REJECTION, RACI_ACTIVITY));
        Assertions.assertThat(gate.reject.onlyRun()).containsEntry("lastDecision", "REJECT")
                .containsEntry("reviewRejected", true).containsEntry("rationale", RATIONALE)
                .doesNotContainKey("rejectionReason");
        Assertions.assertThat(gate.pass.runs).isEmpty();
    }

    @ParameterizedTest(name = "personal data {0}")
    @ValueSource(booleans = {false, true})
    void anAccountableRejectionRejectsTheGate(boolean personalData) {
        register.add(Register.complete(personalData));
        ProcessInstance pi = start();
        if (personalData) {
            decide(pi, TASK_PRIVACY_REVIEW, RaciGroups.PRIVACY, "APPROVE");
        }

        decide(pi, TASK_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, "REJECT");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_REJECTION,
                END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_RECORD_PASS, END_PASSED);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, CHECK, REJECT);
        Assertions.assertThat(gate.calls.get(2)).isEqualTo(new Call(REJECT, TASK_RECORD_REJECTION, RACI_ACTIVITY));
        Assertions.assertThat(gate.reject.onlyRun()).containsEntry("lastDecision", "REJECT");
        Assertions.assertThat(steps.passedCount(pi, TASK_PRIVACY_REVIEW)).isEqualTo(personalData ? 1 : 0);
    }

    @Test
    void anIncompleteRegisterWaitsForTheMlEngineersAndIsCheckedAgainOnRecheck() throws IOException {
        register.add(Register.incomplete());
        register.add(Register.complete(false));
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAtExactly(TASK_COMPLETE_REGISTER).hasPassed(GATEWAY_DATASETS_COMPLETE)
                .hasNotPassed(GATEWAY_PERSONAL_DATA);
        Task remediation = steps.openTask(pi, TASK_COMPLETE_REGISTER);
        // the form bound to the task is the remediation form, and every read-only field shows a task variable
        JsonNode form = deployedForm(remediation);
        Assertions.assertThat(form.get("id").asText()).isEqualTo("dataset-register-remediation");
        Map<String, Object> visible = formService.getTaskFormVariables(remediation.getId());
        Assertions.assertThat(visible).containsEntry("datasetBlockingReasons", BLOCKING_REASONS)
                .containsEntry("systemName", DesignVvGate.SYSTEM_NAME).containsEntry("datasetCount", 2L);
        Assertions.assertThat(visible).containsKeys(DesignVvModels.readOnlyKeys(form).toArray(String[]::new));

        decide(pi, TASK_COMPLETE_REGISTER, RaciGroups.ML_ENGINEERS, "RECHECK");

        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        Assertions.assertThat(steps.passedCount(pi, TASK_CHECK_DATASETS)).isEqualTo(2);
        Assertions.assertThat(steps.passedCount(pi, GATEWAY_MERGE_CHECK)).isEqualTo(2);
        Assertions.assertThat(steps.variable(pi, "datasetsBlocked")).isEqualTo(false);
        decide(pi, TASK_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_CHECK_DATASETS, TASK_COMPLETE_REGISTER, GATEWAY_REMEDIATION,
                TASK_CHECK_DATASETS, GATEWAY_PERSONAL_DATA, TASK_APPROVAL, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasNotPassed(TASK_RECORD_WITHDRAWAL, END_WITHDRAWN, TASK_RECORD_REJECTION);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, CHECK, CHECK, PASS);
        Assertions.assertThat(checkDatasets.runs.get(1)).containsEntry("lastDecision", "RECHECK");
        Assertions.assertThat(gate.decisionsTaken()).containsExactly(TASK_COMPLETE_REGISTER + ":RECHECK",
                TASK_APPROVAL + ":APPROVE");
        Assertions.assertThat(register).as("every scripted check ran").isEmpty();
    }

    @Test
    void aRegisterStillIncompleteAfterARecheckComesBackToTheMlEngineers() {
        register.add(Register.incomplete());
        register.add(new Register(true, "Dataset 'bureau-scores': no quality assessment recorded", false, 2L));
        ProcessInstance pi = start();
        String first = steps.openTask(pi, TASK_COMPLETE_REGISTER).getId();

        decide(pi, TASK_COMPLETE_REGISTER, RaciGroups.ML_ENGINEERS, "RECHECK");

        assertThat(pi).isWaitingAtExactly(TASK_COMPLETE_REGISTER);
        Assertions.assertThat(steps.openTask(pi, TASK_COMPLETE_REGISTER).getId()).as("a new task").isNotEqualTo(first);
        Assertions.assertThat(steps.variable(pi, "datasetBlockingReasons"))
                .isEqualTo("Dataset 'bureau-scores': no quality assessment recorded");
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, CHECK, CHECK);
    }

    @Test
    void withdrawingAtTheIncompleteRegisterEndsTheGateWithdrawnWithTheRationaleAsReason() {
        register.add(Register.incomplete());
        ProcessInstance pi = start();
        String withdrawal = "The vendor cannot document the provenance; we drop this design.";

        steps.complete(pi, TASK_COMPLETE_REGISTER, RaciGroups.ML_ENGINEERS,
                Map.of("decision", "WITHDRAW", "rationale", withdrawal));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_CHECK_DATASETS, TASK_COMPLETE_REGISTER, GATEWAY_REMEDIATION,
                TASK_RECORD_WITHDRAWAL, END_WITHDRAWN);
        assertThat(pi).hasNotPassed(GATEWAY_PERSONAL_DATA, TASK_APPROVAL, TASK_RECORD_PASS, TASK_RECORD_REJECTION,
                END_PASSED, END_REJECTED);
        Assertions.assertThat(gate.calls).containsExactly(new Call(OPEN, TASK_OPEN, null),
                new Call(CHECK, TASK_CHECK_DATASETS, null),
                new Call(REJECT, TASK_RECORD_WITHDRAWAL, RACI_ACTIVITY));
        // The reject delegate records the run WITHDRAWN with the withdrawer's recorded rationale as the reason.
        Assertions.assertThat(gate.reject.onlyRun()).containsEntry("lastDecision", "WITHDRAW")
                .doesNotContainKey("rejectionReason");
        Assertions.assertThat(gate.decisions.completed)
                .containsExactly(new io.aimsgate.support.DecisionListenerDouble.Completed(TASK_COMPLETE_REGISTER, "WITHDRAW", withdrawal));
        Assertions.assertThat(gate.decisionsTaken()).containsExactly(TASK_COMPLETE_REGISTER + ":WITHDRAW");
        Assertions.assertThat(checkDatasets.runs).hasSize(1);
    }

    @Test
    void theRemediationTaskTakesOnlyRecheckOrWithdraw() {
        register.add(Register.incomplete());
        ProcessInstance pi = start();
        String taskId = steps.openTask(pi, TASK_COMPLETE_REGISTER).getId();

        assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId,
                Map.of("decision", "APPROVE", "rationale", RATIONALE)))
                .satisfies(thrown -> Assertions.assertThat(ProcessSteps.causes(thrown))
                        .anySatisfy(cause -> Assertions.assertThat(cause)
                                .isInstanceOf(BadUserRequestException.class)
                                .hasMessageContaining("'decision' must be one of [RECHECK, WITHDRAW]")));

        assertThat(pi).isWaitingAtExactly(TASK_COMPLETE_REGISTER);
        Assertions.assertThat(steps.openTask(pi, TASK_COMPLETE_REGISTER).getId()).isEqualTo(taskId);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, CHECK);
    }

    // ---- the model and its forms against docs/lifecycle-gates.md

    @Test
    void theModelCallsTheContractsBeansAndDeclaresTheContractsRaciRoles() throws IOException {
        BpmnModelInstance model = DesignVvModels.model(KEY);
        DesignVvModels.assertHouseRules(model, KEY, "ai-product-owners,ml-engineers");

        Assertions.assertThat(DesignVvModels.delegates(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                TASK_OPEN, "${openLifecycleGate}", TASK_CHECK_DATASETS, "${checkDatasetRegister}",
                TASK_RECORD_WITHDRAWAL, "${rejectLifecycleGate}", TASK_RECORD_PASS, "${passLifecycleGate}",
                TASK_RECORD_REJECTION, "${rejectLifecycleGate}"));
        for (String recorder : List.of(TASK_RECORD_WITHDRAWAL, TASK_RECORD_PASS, TASK_RECORD_REJECTION)) {
            Assertions.assertThat(DesignVvModels.properties(model.getModelElementById(recorder)))
                    .as("properties of %s", recorder).containsExactly(Map.entry("raciActivity", RACI_ACTIVITY));
        }
        Map<String, Map<String, String>> declared = new TreeMap<>();
        model.getModelElementsByType(UserTask.class)
                .forEach(task -> declared.put(task.getId(), DesignVvModels.properties(task)));
        Assertions.assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of(
                TASK_COMPLETE_REGISTER, Map.of("raciActivity", "design-dataset-remediation", "raciRole",
                        "RESPONSIBLE", "decisions", "RECHECK,WITHDRAW"),
                TASK_PRIVACY_REVIEW, Map.of("raciActivity", "design-privacy-review", "raciRole", "CONSULTED"),
                TASK_APPROVAL, Map.of("raciActivity", "design-approval", "raciRole", "ACCOUNTABLE")));
        Assertions.assertThat(DesignVvModels.formRefs(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START, "design-development-start", TASK_COMPLETE_REGISTER, "dataset-register-remediation",
                TASK_PRIVACY_REVIEW, "lifecycle-review", TASK_APPROVAL, "lifecycle-approval"));
    }

    @Test
    void everyFormTheModelBindsExistsAndCarriesTheFieldsTheModelReads() throws IOException {
        BpmnModelInstance model = DesignVvModels.model(KEY);
        List<String> missing = DesignVvModels.formRefs(model).values().stream()
                .filter(id -> !new ClassPathResource("forms/" + id + ".form").exists())
                .toList();
        Assertions.assertThat(missing).as("forms the model binds that are not under forms/").isEmpty();

        JsonNode start = DesignVvModels.form("design-development-start");
        JsonNode systemId = DesignVvModels.field(start, "systemId");
        Assertions.assertThat(systemId.get("type").asText()).isEqualTo("number");
        Assertions.assertThat(systemId.path("validate").path("required").asBoolean()).isTrue();
        DesignVvModels.assertRequiredText(start, "designSummary", "textarea", 20, 8000);

        // the decision listener and the gateways read decision (within the task's declared decisions) and rationale
        JsonNode remediation = DesignVvModels.form("dataset-register-remediation");
        DesignVvModels.assertDecisionForm(remediation, List.of("RECHECK", "WITHDRAW"));
        DesignVvModels.assertReadOnly(remediation, "datasetBlockingReasons", "textarea");
        DesignVvModels.assertDecisionForm(DesignVvModels.form("lifecycle-review"), List.of("APPROVE", "REJECT"));
        DesignVvModels.assertDecisionForm(DesignVvModels.form("lifecycle-approval"), List.of("APPROVE", "REJECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"design-development-start", "dataset-register-remediation"})
    void theGatesOwnFormsAreWellFormedCamunda7Forms(String id) throws IOException {
        DesignVvModels.assertWellFormed(DesignVvModels.form(id));
    }

    // ---- steps

    ProcessInstance start() {
        identityService.setAuthenticatedUserId(REQUESTER);
        try {
            return runtimeService.startProcessInstanceByKey(KEY,
                    Map.of("systemId", SYSTEM, "designSummary", DESIGN_SUMMARY));
        } finally {
            identityService.clearAuthentication();
        }
    }

    void decide(ProcessInstance pi, String taskKey, String group, String decision) {
        steps.complete(pi, taskKey, group, Map.of("decision", decision, "rationale", RATIONALE));
    }

    JsonNode deployedForm(Task task) throws IOException {
        try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
            return DesignVvModels.JSON.readTree(in);
        }
    }
}
