package io.aimsgate.validation.process;

import static io.aimsgate.validation.process.DesignVvGate.OPEN;
import static io.aimsgate.validation.process.DesignVvGate.PASS;
import static io.aimsgate.validation.process.DesignVvGate.REJECT;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.validation.process.DesignVvGate.Call;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
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

/**
 * The verification &amp; validation gate (docs/lifecycle-gates.md), path by path, started from the Tasklist form and
 * as the validations API starts it (with {@code validationId}). Service tasks are test doubles that set the
 * variables the contract gives them; the decision listener is its double and the RACI task listener the real one.
 */
@Deployment(resources = {"processes/verification-validation.bpmn", "forms/validation-start.form",
        "forms/validation-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class VerificationValidationProcessTest {

    static final String KEY = "verification-validation";
    static final String START = "start_validation_submitted";
    static final String TASK_OPEN = "task_open_validation";
    static final String TASK_RECORD_VALIDATION = "task_record_validation";
    static final String TASK_EVALUATE = "task_evaluate_thresholds";
    static final String TASK_APPROVAL = "task_accountable_approval";
    static final String GATEWAY_APPROVED = "gateway_approved";
    static final String TASK_RECORD_PASS = "task_record_pass";
    static final String END_PASSED = "end_validation_passed";
    static final String TASK_RECORD_REJECTION = "task_record_rejection";
    static final String END_REJECTED = "end_validation_rejected";

    static final String RECORD = "recordValidationResults";
    static final String EVALUATE = "evaluateValidationThresholds";
    static final String RACI_ACTIVITY = "validation-approval";
    static final long SYSTEM = 7L;
    static final String VERSION = "2.3.0-rc1";
    static final String ENGINEER = "tom"; // ml-engineers
    /** The id recordValidationResults gives the results of the start form. */
    static final long STORED_VALIDATION = 501L;
    /** The id of results the validations API stored before starting the process. */
    static final long PIPELINE_VALIDATION = 77L;
    static final String RATIONALE = "Results checked against the acceptance criteria.";
    static final List<String> BREACHES = List.of("accuracy 0.81 is below the objective 0.85",
            "demographicParityDifference 0.12 is above the objective 0.10");

    /** The Tasklist start form as submitted. */
    static final Map<String, Object> FORM = Map.ofEntries(Map.entry("systemId", SYSTEM),
            Map.entry("versionLabel", VERSION), Map.entry("accuracy", 0.81), Map.entry("precision", 0.78),
            Map.entry("recall", 0.74), Map.entry("protectedAttribute", "age band"),
            Map.entry("demographicParityDifference", 0.12), Map.entry("equalOpportunityDifference", 0.05),
            Map.entry("adversarialAccuracy", 0.7), Map.entry("robustnessNotes", "Noise and drift tests on 5 slices."),
            Map.entry("explainabilityNotes", "SHAP values per decision, shown to case workers."),
            Map.entry("cardIntendedUse", "Pre-screening of consumer credit applications."),
            Map.entry("cardLimitations", "Not validated for business loans."),
            Map.entry("cardFailureCases", "Thin-file applicants are scored too low."),
            Map.entry("cardTrainingData", "loan-applications-2024, bureau-scores (register entries 11, 12)."));

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;

    DesignVvGate gate;
    RecordingDelegate record;
    RecordingDelegate evaluate;
    /** The breaches the threshold evaluation finds. */
    List<String> breaches;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        gate = new DesignVvGate();
        breaches = List.of();
        record = gate.delegate(RECORD, execution -> {
            if (execution.getVariable("validationId") == null) {
                execution.setVariable("validationId", STORED_VALIDATION);
            }
        });
        evaluate = gate.delegate(EVALUATE, execution -> {
            execution.setVariable("thresholdBreachCount", (long) breaches.size());
            execution.setVariable("thresholdBreachSummary", String.join("\n", breaches));
        });
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void resultsWithinTheObjectivesAreRecordedEvaluatedApprovedAndPass() {
        ProcessInstance pi = start(FORM);

        Assertions.assertThat(gate.open.onlyRun()).containsEntry("systemId", SYSTEM)
                .containsEntry("initiator", ENGINEER);
        // the start form's results reach the recorder, which has no stored run to use
        Assertions.assertThat(record.onlyRun()).containsAllEntriesOf(FORM).doesNotContainKey("validationId")
                .containsEntry("gateId", DesignVvGate.GATE_ID);
        Assertions.assertThat(evaluate.onlyRun()).containsEntry("validationId", STORED_VALIDATION);
        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        Assertions.assertThat(steps.variable(pi, "thresholdBreachCount")).isEqualTo(0L);

        decide(pi, "APPROVE");

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_RECORD_VALIDATION, TASK_EVALUATE,
                TASK_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasNotPassed(TASK_RECORD_REJECTION, END_REJECTED);
        Assertions.assertThat(gate.calls).containsExactly(new Call(OPEN, TASK_OPEN, null),
                new Call(RECORD, TASK_RECORD_VALIDATION, null), new Call(EVALUATE, TASK_EVALUATE, null),
                new Call(PASS, TASK_RECORD_PASS, RACI_ACTIVITY));
        Assertions.assertThat(gate.pass.onlyRun()).containsEntry("lastDecision", "APPROVE")
                .containsEntry("validationId", STORED_VALIDATION).containsEntry("gateId", DesignVvGate.GATE_ID);
        Assertions.assertThat(gate.decisionsTaken()).containsExactly(TASK_APPROVAL + ":APPROVE");
    }

    @Test
    void breachesAreShownOnTheApprovalFormAndDoNotStopTheGate() throws IOException {
        breaches = BREACHES;
        ProcessInstance pi = start(FORM);

        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        Task approval = steps.openTask(pi, TASK_APPROVAL);
        JsonNode form = deployedForm(approval);
        Assertions.assertThat(form.get("id").asText()).isEqualTo("validation-approval");
        Map<String, Object> visible = formService.getTaskFormVariables(approval.getId());
        Assertions.assertThat(visible).containsEntry("thresholdBreachCount", 2L)
                .containsEntry("thresholdBreachSummary", String.join("\n", BREACHES))
                .containsEntry("systemName", DesignVvGate.SYSTEM_NAME).containsEntry("versionLabel", VERSION);
        Assertions.assertThat(visible).as("every read-only field of the form shows a variable of the task")
                .containsKeys(DesignVvModels.readOnlyKeys(form).toArray(String[]::new));

        decide(pi, "APPROVE");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_EVALUATE, TASK_APPROVAL, TASK_RECORD_PASS, END_PASSED);
        assertThat(pi).hasNotPassed(TASK_RECORD_REJECTION, END_REJECTED);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, RECORD, EVALUATE, PASS);
        Assertions.assertThat(gate.pass.onlyRun()).containsEntry("thresholdBreachCount", 2L);
    }

    @ParameterizedTest(name = "breaches {0}")
    @ValueSource(booleans = {false, true})
    void anAccountableRejectionRejectsTheGate(boolean withBreaches) {
        breaches = withBreaches ? BREACHES : List.of();
        ProcessInstance pi = start(FORM);

        decide(pi, "REJECT");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_APPROVAL, GATEWAY_APPROVED, TASK_RECORD_REJECTION,
                END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_RECORD_PASS, END_PASSED);
        Assertions.assertThat(gate.calls).containsExactly(new Call(OPEN, TASK_OPEN, null),
                new Call(RECORD, TASK_RECORD_VALIDATION, null), new Call(EVALUATE, TASK_EVALUATE, null),
                new Call(REJECT, TASK_RECORD_REJECTION, RACI_ACTIVITY));
        Assertions.assertThat(gate.reject.onlyRun()).containsEntry("lastDecision", "REJECT")
                .containsEntry("reviewRejected", true).containsEntry("rationale", RATIONALE);
        Assertions.assertThat(gate.pass.runs).isEmpty();
    }

    @Test
    void theValidationsApiStartsWithTheStoredRunsIdWhichTheRecorderUses() {
        ProcessInstance pi = start(Map.of("systemId", SYSTEM, "validationId", PIPELINE_VALIDATION));

        Assertions.assertThat(record.onlyRun()).containsEntry("validationId", PIPELINE_VALIDATION)
                .doesNotContainKeys("accuracy", "versionLabel");
        Assertions.assertThat(evaluate.onlyRun()).containsEntry("validationId", PIPELINE_VALIDATION);
        assertThat(pi).isWaitingAtExactly(TASK_APPROVAL);
        decide(pi, "APPROVE");

        assertThat(pi).isEnded().hasPassed(END_PASSED);
        Assertions.assertThat(gate.beansCalled()).containsExactly(OPEN, RECORD, EVALUATE, PASS);
        Assertions.assertThat(gate.pass.onlyRun()).containsEntry("validationId", PIPELINE_VALIDATION);
    }

    // ---- the model and its forms against docs/lifecycle-gates.md

    @Test
    void theModelCallsTheContractsBeansAndDeclaresTheContractsRaciRoles() throws IOException {
        BpmnModelInstance model = DesignVvModels.model(KEY);
        DesignVvModels.assertHouseRules(model, KEY, "ml-engineers");

        Assertions.assertThat(DesignVvModels.delegates(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                TASK_OPEN, "${openLifecycleGate}", TASK_RECORD_VALIDATION, "${recordValidationResults}",
                TASK_EVALUATE, "${evaluateValidationThresholds}", TASK_RECORD_PASS, "${passLifecycleGate}",
                TASK_RECORD_REJECTION, "${rejectLifecycleGate}"));
        for (String recorder : List.of(TASK_RECORD_PASS, TASK_RECORD_REJECTION)) {
            Assertions.assertThat(DesignVvModels.properties(model.getModelElementById(recorder)))
                    .as("properties of %s", recorder).containsExactly(Map.entry("raciActivity", RACI_ACTIVITY));
        }
        Assertions.assertThat(model.getModelElementsByType(UserTask.class)).singleElement()
                .satisfies(task -> {
                    Assertions.assertThat(task.getId()).isEqualTo(TASK_APPROVAL);
                    Assertions.assertThat(DesignVvModels.properties(task)).containsExactlyInAnyOrderEntriesOf(
                            Map.of("raciActivity", RACI_ACTIVITY, "raciRole", "ACCOUNTABLE"));
                });
        Assertions.assertThat(DesignVvModels.formRefs(model)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START, "validation-start", TASK_APPROVAL, "validation-approval"));
    }

    @Test
    void theStartFormCarriesEveryResultTheRecorderStores() throws IOException {
        JsonNode start = DesignVvModels.form("validation-start");
        JsonNode systemId = DesignVvModels.field(start, "systemId");
        Assertions.assertThat(systemId.get("type").asText()).isEqualTo("number");
        Assertions.assertThat(systemId.path("validate").path("required").asBoolean()).isTrue();
        JsonNode version = DesignVvModels.field(start, "versionLabel");
        Assertions.assertThat(version.path("validate").path("required").asBoolean()).isTrue();
        Assertions.assertThat(version.path("validate").path("maxLength").asInt()).isPositive();

        Map<String, Boolean> metrics = new HashMap<>(Map.of("accuracy", true, "precision", false, "recall", false,
                "demographicParityDifference", false, "equalOpportunityDifference", false,
                "adversarialAccuracy", false));
        metrics.forEach((key, required) -> {
            JsonNode metric = DesignVvModels.field(start, key);
            Assertions.assertThat(metric.get("type").asText()).as("type of %s", key).isEqualTo("number");
            JsonNode validate = metric.path("validate");
            Assertions.assertThat(validate.path("min").asDouble(-1)).as("min of %s", key).isZero();
            Assertions.assertThat(validate.path("max").asDouble(-1)).as("max of %s", key).isEqualTo(1.0);
            Assertions.assertThat(validate.path("required").asBoolean()).as("%s required", key).isEqualTo(required);
        });
        JsonNode attribute = DesignVvModels.field(start, "protectedAttribute");
        Assertions.assertThat(attribute.get("type").asText()).isEqualTo("textfield");
        Assertions.assertThat(attribute.path("validate").path("required").asBoolean()).isFalse();
        Assertions.assertThat(attribute.path("validate").path("maxLength").asInt()).isEqualTo(100);
        for (String text : List.of("robustnessNotes", "explainabilityNotes", "cardIntendedUse", "cardLimitations",
                "cardFailureCases", "cardTrainingData")) {
            // the command's rule (ValidationSubmission), shown by the form too
            DesignVvModels.assertRequiredText(start, text, "textarea", 10, 4000);
        }
        // nothing the recorder would not know what to do with
        Assertions.assertThat(DesignVvModels.components(start).stream().filter(c -> c.has("key"))
                .map(c -> c.get("key").asText())).containsExactlyInAnyOrderElementsOf(FORM.keySet());
    }

    @Test
    void theApprovalFormShowsTheBreachesReadOnlyAndTakesADecisionWithRationale() throws IOException {
        JsonNode approval = DesignVvModels.form("validation-approval");
        DesignVvModels.assertReadOnly(approval, "systemName", "textfield");
        DesignVvModels.assertReadOnly(approval, "versionLabel", "textfield");
        DesignVvModels.assertReadOnly(approval, "thresholdBreachCount", "number");
        DesignVvModels.assertReadOnly(approval, "thresholdBreachSummary", "textarea");
        DesignVvModels.assertDecisionForm(approval, List.of("APPROVE", "REJECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"validation-start", "validation-approval"})
    void theGatesFormsAreWellFormedCamunda7Forms(String id) throws IOException {
        DesignVvModels.assertWellFormed(DesignVvModels.form(id));
    }

    // ---- steps

    ProcessInstance start(Map<String, Object> variables) {
        identityService.setAuthenticatedUserId(ENGINEER);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    void decide(ProcessInstance pi, String decision) {
        steps.complete(pi, TASK_APPROVAL, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("decision", decision, "rationale", RATIONALE));
    }

    JsonNode deployedForm(Task task) throws IOException {
        try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
            return DesignVvModels.JSON.readTree(in);
        }
    }
}
