package io.aimsgate.supplier.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.PlatformProcesses;
import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * The supplier-assessment gate (A.10.3), path by path: due diligence, security and legal reviews in parallel, the
 * Accountable approval, the re-assessment timer that opens a new round, each way to a rejection, and the end when the
 * system no longer needs vetting. Delegates are recording doubles that set what the production ones promise; the
 * RACI listener is the real one over the application's matrix.
 */
@Deployment(resources = {"processes/supplier-assessment.bpmn", "forms/supplier-assessment-start.form",
        "forms/supplier-due-diligence.form", "forms/lifecycle-review.form", "forms/lifecycle-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class SupplierAssessmentProcessTest {

    static final String KEY = "supplier-assessment";
    static final String START = "start_supplier_assessment_requested";
    static final String TASK_OPEN = "task_open_supplier_assessment";
    static final String MERGE_DUE_DILIGENCE = "gateway_merge_due_diligence";
    static final String TASK_DUE_DILIGENCE = "task_due_diligence";
    static final String TASK_RECORD = "task_record_due_diligence";
    static final String TASK_SECURITY = "task_security_review";
    static final String TASK_LEGAL = "task_legal_review";
    static final String GATEWAY_REVIEWS = "gateway_reviews_approved";
    static final String TASK_ACCOUNTABLE = "task_accountable_approval";
    static final String GATEWAY_APPROVED = "gateway_approved";
    static final String TASK_PASS = "task_record_pass";
    static final String TIMER = "timer_reassessment_due";
    static final String TASK_REOPEN = "task_reopen_assessment";
    static final String GATEWAY_STILL = "gateway_still_supplied";
    static final String END_NO_LONGER = "end_no_longer_supplied";
    static final String TASK_REJECTION = "task_record_rejection";
    static final String END_REJECTED = "end_supplier_rejected";

    static final long SYSTEM = 11L;
    static final String STARTER = "olivia";
    static final String INTERVAL = "P12M";

    ProcessEngine processEngine;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;

    final List<String> ran = new ArrayList<>();
    final Map<String, RecordingDelegate> delegates = new LinkedHashMap<>();
    final DecisionListenerDouble decisions = new DecisionListenerDouble();
    long nextGateId = 900L;
    boolean stillThirdParty = true;

    @BeforeEach
    void setUp() {
        init(processEngine);
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        add("openLifecycleGate", execution -> {
            execution.setVariable("gateId", nextGateId++);
            execution.setVariable("systemName", "Support chat #" + execution.getVariable("systemId"));
            execution.setVariable("businessOwner", "oscar");
            execution.setVariable("supplierName", "Example LLM Vendor");
            execution.setVariable("reassessmentInterval", INTERVAL);
            execution.setVariable("reviewRejected", false);
        });
        add("recordSupplierDueDiligence", execution -> {
        });
        add("passSupplierAssessment", execution -> {
        });
        add("rejectLifecycleGate", execution -> {
        });
        add("reopenSupplierAssessment", execution -> {
            execution.setVariable("reassessmentDue", stillThirdParty);
            if (stillThirdParty) {
                execution.setVariable("gateId", nextGateId++);
                execution.setVariable("reviewRejected", false);
            }
        });
        delegates.forEach(Mocks::register);
        Mocks.register("gateDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void anApprovedSupplierIsCurrentUntilTheTimerOpensTheNextRound() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassedInOrder(START, TASK_OPEN, MERGE_DUE_DILIGENCE).isWaitingAtExactly(TASK_DUE_DILIGENCE);
        Assertions.assertThat(delegates.get("openLifecycleGate").onlyRun()).containsEntry("systemId", SYSTEM)
                .containsEntry("initiator", STARTER)
                .containsEntry("triggerDetail", "First use of the vendor's model in customer chat.");

        dueDiligence(pi);
        Assertions.assertThat(delegates.get("recordSupplierDueDiligence").onlyRun())
                .containsEntry("exitPlan", "Fall back to the in-house FAQ bot; vendor deletes our data in 30 days.")
                .containsEntry("lastDecision", "SUBMIT").containsEntry(RecordingDelegate.ACTIVITY, TASK_RECORD);
        steps.assertOpenTasks(pi, TASK_SECURITY, TASK_LEGAL);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "SOC 2 type II report read; controls adequate.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "Contract allocates deployer duties and audit rights.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE", "Vendor fit for customer chat use.");

        assertThat(pi).hasPassedInOrder(TASK_ACCOUNTABLE, GATEWAY_APPROVED, TASK_PASS).isWaitingAtExactly(TIMER)
                .hasNotPassed(TASK_REJECTION, END_REJECTED);
        Assertions.assertThat(delegates.get("passSupplierAssessment").onlyRun()).containsEntry("gateId", 900L)
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_PASS);
        Assertions.assertThat(steps.timerJobs(pi, TIMER)).isEqualTo(1);

        steps.fire(steps.timerJob(pi, TIMER));
        assertThat(pi).hasPassedInOrder(TIMER, TASK_REOPEN, GATEWAY_STILL).isWaitingAtExactly(TASK_DUE_DILIGENCE);
        Assertions.assertThat(steps.variable(pi, "gateId")).isEqualTo(901L);
        Assertions.assertThat(steps.passedCount(pi, MERGE_DUE_DILIGENCE)).isEqualTo(2);

        dueDiligence(pi);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Re-checked: new pen test report, no findings.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "Contract renewed on the same terms this year.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE", "Still fit for customer chat use.");
        assertThat(pi).isWaitingAtExactly(TIMER);
        Assertions.assertThat(delegates.get("passSupplierAssessment").runs).extracting(run -> run.get("gateId"))
                .containsExactly(900L, 901L);
        Assertions.assertThat(ran).containsExactly("openLifecycleGate@" + TASK_OPEN,
                "recordSupplierDueDiligence@" + TASK_RECORD, "passSupplierAssessment@" + TASK_PASS,
                "reopenSupplierAssessment@" + TASK_REOPEN, "recordSupplierDueDiligence@" + TASK_RECORD,
                "passSupplierAssessment@" + TASK_PASS);
    }

    @Test
    void aSecurityRejectionEndsRejectedWithoutAskingTheAccountable() {
        ProcessInstance pi = start();
        dueDiligence(pi);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "REJECT", "No incident notification within 72 hours.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "Contract terms acceptable on their own.");

        assertThat(pi).isEnded().hasPassedInOrder(GATEWAY_REVIEWS, TASK_REJECTION, END_REJECTED)
                .hasNotPassed(TASK_ACCOUNTABLE, TASK_PASS, TIMER);
        Assertions.assertThat(delegates.get("rejectLifecycleGate").onlyRun()).containsEntry("reviewRejected", true)
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_REJECTION);
    }

    @Test
    void aLegalRejectionEndsRejectedWithoutAskingTheAccountable() {
        ProcessInstance pi = start();
        dueDiligence(pi);
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "REJECT", "No audit rights and no exit clause in the contract.");
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security practices adequate.");

        assertThat(pi).isEnded().hasPassed(TASK_REJECTION, END_REJECTED).hasNotPassed(TASK_ACCOUNTABLE, TASK_PASS);
        Assertions.assertThat(decisions.completed).extracting(DecisionListenerDouble.Completed::taskKey)
                .containsExactly(TASK_DUE_DILIGENCE, TASK_LEGAL, TASK_SECURITY);
    }

    @Test
    void anAccountableRejectionEndsRejected() {
        ProcessInstance pi = start();
        dueDiligence(pi);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security practices adequate.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "Contract terms acceptable.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "REJECT", "Exit plan leaves us without chat.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_ACCOUNTABLE, GATEWAY_APPROVED, TASK_REJECTION, END_REJECTED)
                .hasNotPassed(TASK_PASS, TIMER);
        Assertions.assertThat(delegates.get("passSupplierAssessment").runs).isEmpty();
    }

    @Test
    void whenTheSystemNeedsNoVettingAnyMoreTheTimerEndsTheInstance() {
        ProcessInstance pi = start();
        dueDiligence(pi);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security practices adequate.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "Contract terms acceptable.");
        decide(pi, TASK_ACCOUNTABLE, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE", "Vendor fit for customer chat use.");
        stillThirdParty = false;

        steps.fire(steps.timerJob(pi, TIMER));
        assertThat(pi).isEnded().hasPassedInOrder(TIMER, TASK_REOPEN, GATEWAY_STILL, END_NO_LONGER);
        Assertions.assertThat(steps.passedCount(pi, TASK_DUE_DILIGENCE)).isEqualTo(1);
    }

    // ---- steps

    private ProcessInstance start() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(PlatformProcesses.startableByHand()).contains(KEY);
        CamundaFormRef startForm = formService.getStartFormData(definition.getId()).getCamundaFormRef();
        Assertions.assertThat(startForm.getKey()).isEqualTo("supplier-assessment-start");
        Assertions.assertThat(startForm.getBinding()).isEqualTo("deployment");
        identityService.setAuthenticatedUserId(STARTER);
        try {
            return formService.submitStartForm(definition.getId(), Map.of("systemId", SYSTEM,
                    "triggerDetail", "First use of the vendor's model in customer chat."));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void dueDiligence(ProcessInstance pi) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("trainingDataProvenance", "Licensed web corpus and vendor-owned dialogues; list provided.");
        answers.put("modelDocumentation", "Model card v3 with limitations and red-team results received.");
        answers.put("securityPractices", "SOC 2 type II, ISO 27001 certificate, annual penetration tests.");
        answers.put("incidentNotification", "Incidents and model changes notified within 72 hours by e-mail.");
        answers.put("contractualSafeguards", "No training on our data; EU processing; liability capped at fees.");
        answers.put("auditRights", "Yearly audit report; on-site audit after a serious incident.");
        answers.put("exitPlan", "Fall back to the in-house FAQ bot; vendor deletes our data in 30 days.");
        answers.put("rationale", "Due diligence done with procurement and the vendor's security team.");
        steps.complete(pi, TASK_DUE_DILIGENCE, RaciGroups.AI_PRODUCT_OWNERS, answers);
    }

    private void decide(ProcessInstance pi, String taskKey, String group, String decision, String rationale) {
        steps.complete(pi, taskKey, group, Map.of("decision", decision, "rationale", rationale));
    }

    private void add(String bean, Consumer<DelegateExecution> behaviour) {
        delegates.put(bean, new RecordingDelegate(execution -> {
            ran.add(bean + "@" + execution.getCurrentActivityId());
            behaviour.accept(execution);
        }));
    }
}
