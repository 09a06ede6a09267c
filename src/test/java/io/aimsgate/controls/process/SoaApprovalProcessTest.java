package io.aimsgate.controls.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * The Statement of Applicability approval, path by path: approved by security, legal and the board; rejected by
 * security, by legal, by the board. Candidate groups come from the real RACI listener over the application matrix;
 * the service tasks are recording doubles (the real steps are tested over HTTP in AbstractApiScenarios).
 */
@Deployment(resources = {"processes/soa-approval.bpmn", "forms/soa-start.form", "forms/soa-review.form",
        "forms/soa-approval.form"})
@ExtendWith(ProcessEngineExtension.class)
class SoaApprovalProcessTest {

    static final String KEY = "soa-approval";
    static final String START = "start_soa_version_submitted";
    static final String TASK_OPEN = "task_open_soa_version";
    static final String TASK_SECURITY = "task_security_review";
    static final String GATEWAY_SECURITY = "gateway_security_approved";
    static final String TASK_LEGAL = "task_legal_review";
    static final String GATEWAY_LEGAL = "gateway_legal_approved";
    static final String TASK_BOARD = "task_board_approval";
    static final String GATEWAY_BOARD = "gateway_board_approved";
    static final String TASK_APPROVE = "task_approve_soa_version";
    static final String END_APPROVED = "end_soa_approved";
    static final String GATEWAY_REJECTED = "gateway_merge_rejection";
    static final String TASK_REJECT = "task_reject_soa_version";
    static final String END_REJECTED = "end_soa_rejected";

    static final String STARTER = "olivia";
    static final String NOTE = "Excludes A.10.4: no external customers use our AI systems.";

    ProcessEngine processEngine;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;
    final List<String> ran = new ArrayList<>();
    final RecordingDelegate open = new RecordingDelegate(execution -> {
        ran.add("openSoaVersion");
        execution.setVariable("gateId", 900L);
        execution.setVariable("soaVersionId", 3L);
        execution.setVariable("soaSummary", "Version 3: 37 of 38 Annex A controls applicable.");
    });
    final RecordingDelegate approve = new RecordingDelegate(execution -> ran.add("approveSoaVersion"));
    final RecordingDelegate reject = new RecordingDelegate(execution -> ran.add("rejectSoaVersion"));
    final DecisionListenerDouble decisions = new DecisionListenerDouble();

    @BeforeEach
    void setUp() {
        init(processEngine);
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        Mocks.register("openSoaVersion", open);
        Mocks.register("approveSoaVersion", approve);
        Mocks.register("rejectSoaVersion", reject);
        Mocks.register("gateDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aVersionApprovedBySecurityLegalAndTheBoardIsApproved() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassedInOrder(START, TASK_OPEN).isWaitingAtExactly(TASK_SECURITY);
        Assertions.assertThat(open.onlyRun()).containsEntry("initiator", STARTER).containsEntry("note", NOTE);
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_SECURITY)))
                .containsExactly(RaciGroups.SECURITY);
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security controls are all applicable.");

        assertThat(pi).isWaitingAtExactly(TASK_LEGAL);
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_LEGAL))).containsExactly(RaciGroups.LEGAL);
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "The exclusion of A.10.4 is justified.");

        assertThat(pi).isWaitingAtExactly(TASK_BOARD);
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_BOARD)))
                .containsExactly(RaciGroups.GOVERNANCE_BOARD);
        decide(pi, TASK_BOARD, RaciGroups.GOVERNANCE_BOARD, "APPROVE", "The board adopts SoA version 3.");

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_OPEN, TASK_SECURITY, GATEWAY_SECURITY, TASK_LEGAL,
                GATEWAY_LEGAL, TASK_BOARD, GATEWAY_BOARD, TASK_APPROVE, END_APPROVED)
                .hasNotPassed(GATEWAY_REJECTED, TASK_REJECT, END_REJECTED);
        Assertions.assertThat(approve.onlyRun()).containsEntry("soaVersionId", 3L).containsEntry("lastDecision",
                "APPROVE");
        Assertions.assertThat(ran).containsExactly("openSoaVersion", "approveSoaVersion");
        Assertions.assertThat(decisions.completed.stream().map(c -> c.taskKey() + ":" + c.decision()).toList())
                .containsExactly(TASK_SECURITY + ":APPROVE", TASK_LEGAL + ":APPROVE", TASK_BOARD + ":APPROVE");
    }

    @Test
    void aSecurityRejectionEndsRejectedWithoutLegalOrTheBoard() {
        ProcessInstance pi = start();
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "REJECT", "A.6.2.8 cannot be PLANNED: logs are required.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_SECURITY, GATEWAY_SECURITY, GATEWAY_REJECTED, TASK_REJECT,
                END_REJECTED).hasNotPassed(TASK_LEGAL, TASK_BOARD, TASK_APPROVE, END_APPROVED);
        Assertions.assertThat(reject.onlyRun()).containsEntry("lastDecision", "REJECT")
                .containsEntry("soaVersionId", 3L);
        Assertions.assertThat(ran).containsExactly("openSoaVersion", "rejectSoaVersion");
    }

    @Test
    void aLegalRejectionEndsRejectedWithoutTheBoard() {
        ProcessInstance pi = start();
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security controls are all applicable.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "REJECT", "A.8.5 is excluded but Art. 50 applies to our chatbot.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_LEGAL, GATEWAY_LEGAL, GATEWAY_REJECTED, TASK_REJECT,
                END_REJECTED).hasNotPassed(TASK_BOARD, TASK_APPROVE, END_APPROVED);
        Assertions.assertThat(ran).containsExactly("openSoaVersion", "rejectSoaVersion");
    }

    @Test
    void aBoardRejectionEndsRejected() {
        ProcessInstance pi = start();
        decide(pi, TASK_SECURITY, RaciGroups.SECURITY, "APPROVE", "Security controls are all applicable.");
        decide(pi, TASK_LEGAL, RaciGroups.LEGAL, "APPROVE", "The exclusion of A.10.4 is justified.");
        decide(pi, TASK_BOARD, RaciGroups.GOVERNANCE_BOARD, "REJECT", "Owners are missing budget; resubmit in Q1.");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_BOARD, GATEWAY_BOARD, GATEWAY_REJECTED, TASK_REJECT,
                END_REJECTED).hasNotPassed(TASK_APPROVE, END_APPROVED);
        Assertions.assertThat(reject.onlyRun()).containsEntry("rationale", "Owners are missing budget; resubmit in Q1.");
        Assertions.assertThat(ran).containsExactly("openSoaVersion", "rejectSoaVersion");
    }

    private ProcessInstance start() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        CamundaFormRef startForm = formService.getStartFormData(definition.getId()).getCamundaFormRef();
        Assertions.assertThat(startForm.getKey()).isEqualTo("soa-start");
        Assertions.assertThat(startForm.getBinding()).isEqualTo("deployment");
        identityService.setAuthenticatedUserId(STARTER);
        try {
            return formService.submitStartForm(definition.getId(), Map.of("note", NOTE));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void decide(ProcessInstance pi, String taskKey, String group, String decision, String rationale) {
        steps.complete(pi, taskKey, group, Map.of("decision", decision, "rationale", rationale));
    }
}
