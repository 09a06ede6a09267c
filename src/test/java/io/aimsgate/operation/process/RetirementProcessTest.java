package io.aimsgate.operation.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The retirement gate, path by path: manual start with the start form and start by message RetirementRequested,
 * the retirement plan, the legal review and the Accountable approval, with both ways to a rejection. Delegates are
 * {@link ReevalRetireDoubles}; candidate groups come from the real RACI listener over the application matrix.
 */
@Deployment(resources = {"processes/retirement.bpmn", "forms/retirement-start.form", "forms/retirement-plan.form",
        "forms/lifecycle-review.form", "forms/lifecycle-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class RetirementProcessTest {

    static final String KEY = "retirement";
    static final String START_REQUESTED = "start_retirement_requested";
    static final String START_MANUAL = "start_retirement_manual";
    static final String TASK_OPEN = "task_open_retirement";
    static final String TASK_PLAN = "task_retirement_plan";
    static final String TASK_RECORD_PLAN = "task_record_retirement_plan";
    static final String TASK_LEGAL_REVIEW = "task_legal_review";
    static final String GATEWAY_LEGAL = "gateway_legal_approved";
    static final String TASK_ACCOUNTABLE = "task_accountable_approval";
    static final String GATEWAY_APPROVED = "gateway_approved";
    static final String TASK_RETIRE = "task_retire_system";
    static final String END_RETIRED = "end_system_retired";
    static final String TASK_RECORD_REJECTION = "task_record_rejection";
    static final String END_REJECTED = "end_retirement_rejected";

    static final long SYSTEM = 7L;
    static final String STARTER = "olivia"; // ai-product-owners
    static final String REQUEST_DETAIL = "The scoring model is replaced by the 2027 underwriting platform.";
    static final String LEGAL_REJECTION = "Loan decisions must stay reproducible for 10 years: keep the model.";

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;
    ReevalRetireDoubles doubles;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        doubles = new ReevalRetireDoubles().register();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aPlannedRetirementApprovedByLegalAndTheAccountableRetiresTheSystem() {
        ProcessInstance pi = startManually();

        assertThat(pi).hasPassedInOrder(START_MANUAL, TASK_OPEN).hasNotPassed(START_REQUESTED)
                .isWaitingAtExactly(TASK_PLAN);
        Assertions.assertThat(doubles.delegate("openLifecycleGate").onlyRun()).containsEntry("systemId", SYSTEM)
                .containsEntry("initiator", STARTER).containsEntry("retirementReason", "REPLACED")
                .containsEntry("triggerDetail", REQUEST_DETAIL).containsEntry(RecordingDelegate.ACTIVITY, TASK_OPEN);
        plan(pi);

        Assertions.assertThat(doubles.delegate("recordRetirementPlan").onlyRun())
                .containsEntry("dataRetentionPlan", "Model, training data snapshot and decision logs kept 10 years.")
                .containsEntry("deletionPlan", "Feature store and serving replicas deleted 30 days after shutdown.")
                .containsEntry("dependentSystems", "Loan origination UI switches to the new platform first.")
                .containsEntry("replacedBy", "Underwriting platform 2027").containsEntry("lastDecision", "SUBMIT")
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_RECORD_PLAN);
        assertThat(pi).isWaitingAtExactly(TASK_LEGAL_REVIEW);
        decide(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, "APPROVE", "Retention plan meets the record-keeping duties.");

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE);
        Assertions.assertThat(doubles.runs("retireSystem")).isEmpty();
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE", "Replacement is live; retire it.");

        assertThat(pi).isEnded().hasPassedInOrder(START_MANUAL, TASK_OPEN, TASK_PLAN, TASK_RECORD_PLAN,
                TASK_LEGAL_REVIEW, GATEWAY_LEGAL, TASK_ACCOUNTABLE, GATEWAY_APPROVED, TASK_RETIRE, END_RETIRED)
                .hasNotPassed(TASK_RECORD_REJECTION, END_REJECTED);
        Assertions.assertThat(doubles.delegate("retireSystem").onlyRun()).containsEntry("lastDecision", "APPROVE")
                .containsEntry("systemId", SYSTEM).containsEntry("gateId", ReevalRetireDoubles.FIRST_GATE_ID);
        Assertions.assertThat(doubles.ran).containsExactly("openLifecycleGate@" + TASK_OPEN,
                "recordRetirementPlan@" + TASK_RECORD_PLAN, "retireSystem@" + TASK_RETIRE);
        Assertions.assertThat(doubles.completedDecisions()).containsExactly(TASK_PLAN + ":SUBMIT",
                TASK_LEGAL_REVIEW + ":APPROVE", TASK_ACCOUNTABLE + ":APPROVE");
    }

    @Test
    void aLegalRejectionEndsRejectedWithoutAskingTheAccountable() {
        ProcessInstance pi = startManually();
        plan(pi);
        decide(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, "REJECT", LEGAL_REJECTION);

        assertThat(pi).isEnded().hasPassedInOrder(TASK_LEGAL_REVIEW, GATEWAY_LEGAL, TASK_RECORD_REJECTION,
                END_REJECTED).hasNotPassed(TASK_ACCOUNTABLE, TASK_RETIRE, END_RETIRED);
        Assertions.assertThat(doubles.delegate("rejectLifecycleGate").onlyRun()).containsEntry("lastDecision", "REJECT")
                .containsEntry("reviewRejected", true).containsEntry("rationale", LEGAL_REJECTION)
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_RECORD_REJECTION);
        Assertions.assertThat(doubles.ran).containsExactly("openLifecycleGate@" + TASK_OPEN,
                "recordRetirementPlan@" + TASK_RECORD_PLAN, "rejectLifecycleGate@" + TASK_RECORD_REJECTION);
    }

    @Test
    void anAccountableRejectionEndsRejectedAndRetiresNothing() {
        ProcessInstance pi = startManually();
        plan(pi);
        decide(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, "APPROVE", "Retention plan meets the record-keeping duties.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "REJECT",
                "The replacement is not live yet; ask again in Q2.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_ACCOUNTABLE, GATEWAY_APPROVED, TASK_RECORD_REJECTION,
                END_REJECTED).hasNotPassed(TASK_RETIRE, END_RETIRED);
        Assertions.assertThat(doubles.delegate("rejectLifecycleGate").onlyRun()).containsEntry("lastDecision", "REJECT")
                .containsEntry("rationale", "The replacement is not live yet; ask again in Q2.");
        Assertions.assertThat(doubles.runs("retireSystem")).isEmpty();
        Assertions.assertThat(doubles.completedDecisions()).containsExactly(TASK_PLAN + ":SUBMIT",
                TASK_LEGAL_REVIEW + ":APPROVE", TASK_ACCOUNTABLE + ":REJECT");
    }

    @Test
    void aRetirementRequestedByMessageStartsAtThePlan() {
        ProcessInstance pi = runtimeService.createMessageCorrelation("RetirementRequested")
                .setVariables(Map.of("systemId", SYSTEM, "retirementReason", "PERFORMANCE_DEGRADATION",
                        "triggerDetail", "Re-evaluation decided RETIRE: accuracy below objective for a quarter."))
                .correlateStartMessage();

        assertThat(pi).hasProcessDefinitionKey(KEY).hasPassedInOrder(START_REQUESTED, TASK_OPEN)
                .hasNotPassed(START_MANUAL).isWaitingAtExactly(TASK_PLAN);
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_PLAN)))
                .containsExactly(RaciGroups.AI_PRODUCT_OWNERS);
        Assertions.assertThat(doubles.delegate("openLifecycleGate").onlyRun()).containsEntry("systemId", SYSTEM)
                .containsEntry("retirementReason", "PERFORMANCE_DEGRADATION")
                .containsEntry("triggerDetail", "Re-evaluation decided RETIRE: accuracy below objective for a quarter.");
        Assertions.assertThat(steps.variable(pi, "systemName")).isEqualTo(ReevalRetireDoubles.SYSTEM_NAME_PREFIX + SYSTEM);

        plan(pi);
        decide(pi, TASK_LEGAL_REVIEW, RaciGroups.LEGAL, "APPROVE", "Retention plan meets the record-keeping duties.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE", "Agreed with the re-evaluation.");
        assertThat(pi).isEnded().hasPassed(TASK_RETIRE, END_RETIRED);
    }

    // ---- steps

    private ProcessInstance startManually() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        CamundaFormRef startForm = formService.getStartFormData(definition.getId()).getCamundaFormRef();
        Assertions.assertThat(startForm.getKey()).isEqualTo("retirement-start");
        Assertions.assertThat(startForm.getBinding()).isEqualTo("deployment");
        identityService.setAuthenticatedUserId(STARTER);
        try {
            return formService.submitStartForm(definition.getId(), Map.of("systemId", SYSTEM,
                    "retirementReason", "REPLACED", "triggerDetail", REQUEST_DETAIL));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The AI product owners submit the plan (a work task: no decision field). */
    private void plan(ProcessInstance pi) {
        steps.complete(pi, TASK_PLAN, RaciGroups.AI_PRODUCT_OWNERS, Map.of("retirementReason", "REPLACED",
                "replacedBy", "Underwriting platform 2027",
                "dataRetentionPlan", "Model, training data snapshot and decision logs kept 10 years.",
                "deletionPlan", "Feature store and serving replicas deleted 30 days after shutdown.",
                "dependentSystems", "Loan origination UI switches to the new platform first.",
                "rationale", "Replaced; keep what the law requires, delete the rest."));
    }

    private void decide(ProcessInstance pi, String taskKey, String group, String decision, String rationale) {
        steps.complete(pi, taskKey, group, Map.of("decision", decision, "rationale", rationale));
    }
}
