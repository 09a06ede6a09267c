package io.aimsgate.internalaudit.process;

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
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * The internal audit (clause 9.2), path by path: plan, fieldwork, findings with and without nonconformities (each
 * raised by the nonconformity step), the report, the board sending it back once, and the close. Delegates are
 * recording doubles; the RACI listener is the real one over the application's matrix; the auditor-independence
 * listener is a double recording which tasks it guards.
 */
@Deployment(resources = {"processes/internal-audit.bpmn", "forms/internal-audit-start.form",
        "forms/internal-audit-plan.form", "forms/internal-audit-fieldwork.form", "forms/internal-audit-report.form",
        "forms/internal-audit-acceptance.form"})
@ExtendWith(ProcessEngineExtension.class)
class InternalAuditProcessTest {

    static final String KEY = "internal-audit";
    static final String START = "start_internal_audit";
    static final String TASK_OPEN = "task_open_audit";
    static final String TASK_PLAN = "task_plan_audit";
    static final String TASK_RECORD_PLAN = "task_record_plan";
    static final String TASK_FIELDWORK = "task_fieldwork";
    static final String TASK_FINDINGS = "task_record_findings";
    static final String GATEWAY_NONCONFORMITIES = "gateway_nonconformities";
    static final String TASK_RAISE = "task_raise_nonconformities";
    static final String TASK_REPORT = "task_write_report";
    static final String TASK_RECORD_REPORT = "task_record_report";
    static final String TASK_ACCEPT = "task_accept_report";
    static final String GATEWAY_ACCEPTED = "gateway_report_accepted";
    static final String TASK_CLOSE = "task_close_audit";
    static final String END_CLOSED = "end_audit_closed";

    static final long AUDIT = 42L;

    ProcessEngine processEngine;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;

    final List<String> ran = new ArrayList<>();
    final Map<String, RecordingDelegate> delegates = new LinkedHashMap<>();
    final DecisionListenerDouble decisions = new DecisionListenerDouble();
    final List<String> guarded = new ArrayList<>();
    long nonconformities;

    @BeforeEach
    void setUp() {
        init(processEngine);
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        add("openInternalAudit", execution -> {
            execution.setVariable("gateId", 700L);
            execution.setVariable("auditTitle", "Annual AIMS audit");
            execution.setVariable("leadAuditor", "alex");
            execution.setVariable("checklistSummary", "A.6.2.4 Verification and validation");
            execution.setVariable("reviewRejected", false);
        });
        add("recordAuditPlan", execution -> {
        });
        add("recordAuditFindings", execution -> execution.setVariable("nonconformityCount", nonconformities));
        add("raiseAuditNonconformities", execution -> {
        });
        add("recordAuditReport", execution -> {
        });
        add("closeInternalAudit", execution -> {
        });
        delegates.forEach(Mocks::register);
        Mocks.register("gateDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
        Mocks.register("auditorIndependenceListener", (TaskListener) task -> guarded.add(task.getTaskDefinitionKey()
                + ":" + task.getEventName()));
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aConformingAuditIsPlannedTestedReportedAcceptedAndClosed() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassedInOrder(START, TASK_OPEN).isWaitingAtExactly(TASK_PLAN);
        Assertions.assertThat(delegates.get("openInternalAudit").onlyRun()).containsEntry("auditId", AUDIT)
                .containsEntry("initiator", "alex");

        plan(pi);
        fieldwork(pi);
        assertThat(pi).hasPassedInOrder(TASK_FIELDWORK, TASK_FINDINGS, GATEWAY_NONCONFORMITIES)
                .hasNotPassed(TASK_RAISE).isWaitingAtExactly(TASK_REPORT);
        report(pi, "CONFORMING");
        decide(pi, "APPROVE", "Report complete; the programme goes on as planned.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_RECORD_REPORT, TASK_ACCEPT, GATEWAY_ACCEPTED, TASK_CLOSE,
                END_CLOSED);
        Assertions.assertThat(ran).containsExactly("openInternalAudit@" + TASK_OPEN, "recordAuditPlan@"
                + TASK_RECORD_PLAN, "recordAuditFindings@" + TASK_FINDINGS, "recordAuditReport@" + TASK_RECORD_REPORT,
                "closeInternalAudit@" + TASK_CLOSE);
        Assertions.assertThat(decisions.completed).extracting(c -> c.taskKey() + ":" + c.decision())
                .containsExactly(TASK_PLAN + ":SUBMIT", TASK_FIELDWORK + ":SUBMIT", TASK_REPORT + ":SUBMIT",
                        TASK_ACCEPT + ":APPROVE");
        // The independence guard runs on every auditor task, never on the board's.
        Assertions.assertThat(guarded).containsExactly(TASK_PLAN + ":complete", TASK_FIELDWORK + ":complete",
                TASK_REPORT + ":complete");
    }

    @Test
    void nonconformitiesAreRaisedAndAReportSentBackIsWrittenAgain() {
        nonconformities = 2;
        ProcessInstance pi = start();
        plan(pi);
        fieldwork(pi);
        assertThat(pi).hasPassedInOrder(TASK_FINDINGS, GATEWAY_NONCONFORMITIES, TASK_RAISE)
                .isWaitingAtExactly(TASK_REPORT);
        Assertions.assertThat(delegates.get("raiseAuditNonconformities").onlyRun())
                .containsEntry("nonconformityCount", 2L).containsEntry("auditId", AUDIT);

        report(pi, "NONCONFORMING");
        decide(pi, "REJECT", "Name the corrective actions' owners in the report.");
        assertThat(pi).isWaitingAtExactly(TASK_REPORT).hasNotPassed(TASK_CLOSE);

        report(pi, "NONCONFORMING");
        decide(pi, "APPROVE", "Report complete with the owners named.");
        assertThat(pi).isEnded().hasPassed(TASK_CLOSE, END_CLOSED);
        Assertions.assertThat(steps.passedCount(pi, TASK_REPORT)).isEqualTo(2);
        Assertions.assertThat(delegates.get("raiseAuditNonconformities").runs).hasSize(1);
    }

    // ---- steps

    private ProcessInstance start() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(PlatformProcesses.startableByHand()).contains(KEY);
        CamundaFormRef startForm = formService.getStartFormData(definition.getId()).getCamundaFormRef();
        Assertions.assertThat(startForm.getKey()).isEqualTo("internal-audit-start");
        identityService.setAuthenticatedUserId("alex");
        try {
            return formService.submitStartForm(definition.getId(), Map.of("auditId", AUDIT));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void plan(ProcessInstance pi) {
        steps.complete(pi, TASK_PLAN, RaciGroups.AUDITORS, Map.of("auditPlan",
                "Two days; interviews with control owners; three evidence revisions sampled per control.",
                "rationale", "Covers every control in scope against the criteria."));
    }

    private void fieldwork(ProcessInstance pi) {
        steps.complete(pi, TASK_FIELDWORK, RaciGroups.AUDITORS, Map.of("rationale",
                "Every item tested against its sample."));
    }

    private void report(ProcessInstance pi, String conclusion) {
        steps.complete(pi, TASK_REPORT, RaciGroups.AUDITORS, Map.of("reportSummary",
                "Results per control with the sampled evidence; see the checklist.", "conclusion", conclusion,
                "rationale", "The conclusion follows the checklist."));
    }

    private void decide(ProcessInstance pi, String decision, String rationale) {
        steps.complete(pi, TASK_ACCEPT, RaciGroups.GOVERNANCE_BOARD, Map.of("decision", decision, "rationale",
                rationale));
    }

    private void add(String bean, Consumer<DelegateExecution> behaviour) {
        delegates.put(bean, new RecordingDelegate(execution -> {
            ran.add(bean + "@" + execution.getCurrentActivityId());
            behaviour.accept(execution);
        }));
    }
}
