package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.risk.RiskAssessment;
import io.aimsgate.risk.RiskAssessment.BlockingRisk;
import io.aimsgate.risk.RiskAssessmentService;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deployment-approval flow, path by path, over the real gate services and our real tables (an embedded database
 * migrated by Flyway, each test in a transaction rolled back at its end): {@link DeploymentGateService} and
 * {@link GateDecisions}, seen through Mockito mocks that delegate to them so their calls can be verified. What lies
 * outside the gate is scripted: the inventory (the system's tier) and the risk register's answer at each assessment.
 * The service tasks run the production delegates (registration through a double that checks the authenticated
 * submitter as the real one does); the RACI task listener, the one gate decision listener, the control-variable
 * restore and the remediation listener are the real ones, so candidate groups, segregation of duties, decision
 * validation and the restoring of control variables are exercised as in production.
 */
@DataJpaTest
@Import(DeploymentApprovalProcessTest.GateTables.class)
@Deployment(resources = {"processes/deployment-approval.bpmn", "forms/deployment-request-start.form",
        "forms/review-decision.form", "forms/remediate-risks.form",
        "forms/await-incident-resolution.form"})
@ExtendWith(ProcessEngineExtension.class)
class DeploymentApprovalProcessTest {

    static final long SYSTEM = 7L;
    static final long VERSION_ID = 70L;
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String VERSION = "1.4.0";
    static final String RATIONALE_TEXT = "Evidence checked, acceptance criteria met.";

    // users and their groups
    static final String SUBMITTER_USER = "olivia";   // ai-product-owners
    static final String OWNER = "oscar";             // ai-product-owners
    static final String ENGINEER = "tom";            // ml-engineers
    static final String SECURITY_REVIEWER = "sam";   // security
    static final String LAWYER = "lena";             // legal
    static final String ETHICIST = "eve";            // ethics
    static final String BOARD_MEMBER = "bea";        // governance-board

    ProcessEngine processEngine;

    RuntimeService runtimeService;
    TaskService taskService;
    IdentityService identityService;
    HistoryService historyService;

    /** The gate's services over our tables (Spring beans). */
    @Autowired
    DeploymentGateService service;
    @Autowired
    GateDecisions gateDecisions;
    @Autowired
    DeploymentRequestRepository requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InventoryService inventory;
    @Autowired
    RiskAssessmentService riskRegister;
    @Autowired
    DeploymentApprovals approvals;
    @Autowired
    ApprovalStates states;

    /** What the delegates and listeners call: every call is answered by {@link #service}, and can be verified. */
    DeploymentGateService gate;
    /** What the decision listener records through: answered by {@link #gateDecisions}, and can be verified. */
    GateDecisions decisions;
    RegisterDouble register;
    ScriptedAssessment assess;
    RecordingDelegate halt;
    @Autowired
    ScriptedHolds holds;
    RecordingDelegate approve;
    RecordingDelegate reject;
    RecordingDelegate withdraw;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        identityService = processEngine.getIdentityService();
        historyService = processEngine.getHistoryService();

        register = new RegisterDouble();
        assess = new ScriptedAssessment();
        ourSystemAndVersion();
        gate = mock(DeploymentGateService.class, delegatesTo(service));
        decisions = mock(GateDecisions.class, delegatesTo(gateDecisions));
        halt = new RecordingDelegate(new HaltDeploymentDelegate(gate));
        holds.answers.clear();
        approve = new RecordingDelegate(new ApproveDeploymentDelegate(gate));
        reject = new RecordingDelegate(new RejectDeploymentDelegate(gate));
        withdraw = new RecordingDelegate(new WithdrawDeploymentDelegate(gate));

        Mocks.register("registerDeploymentRequest", register);
        Mocks.register("assessDeployment", assess);
        Mocks.register("haltDeployment", halt);
        Mocks.register("approveDeployment", approve);
        Mocks.register("rejectDeployment", reject);
        Mocks.register("withdrawDeployment", withdraw);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
        Mocks.register("gateDecisionListener", new GateDecisionListener(decisions));
        Mocks.register("restoreDeploymentControlVariables", new RestoreControlVariablesListener(gate));
        Mocks.register("remediationTaskListener", new RemediationTaskListener(gate));
        Mocks.register("registerDeploymentReapproval", new RegisterReapprovalDelegate(gate, approvals));
        BoundApprovalFixtures.stub(states);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    // 1
    @Test
    void cleanApprovalOfNormalTierNeedsTechnicalAndSecurityReviewThenAccountableApproval() {
        assess.script(false, false);
        ProcessInstance pi = start();

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        assertThat(pi).task(TASK_TECHNICAL_REVIEW).hasCandidateGroup(RaciGroups.ML_ENGINEERS).isNotAssigned();
        Assertions.assertThat(candidateGroups(pi, TASK_TECHNICAL_REVIEW)).containsExactly(RaciGroups.ML_ENGINEERS);
        assertThat(pi).task(TASK_SECURITY_REVIEW).hasCandidateGroup(RaciGroups.SECURITY);
        Assertions.assertThat(candidateGroups(pi, TASK_SECURITY_REVIEW)).containsExactly(RaciGroups.SECURITY);
        Assertions.assertThat(register.submitters).containsExactly(SUBMITTER_USER);
        Assertions.assertThat(request(pi).getSubmittedBy()).isEqualTo(SUBMITTER_USER);
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsEntry(REQUEST_ID, requestId())
                .containsEntry(SUBMITTER, SUBMITTER_USER).containsEntry(HIGH_RISK_TIER, false)
                .containsEntry(REVIEW_REJECTED, false).containsEntry(SYSTEM_NAME, "Credit scoring");

        decide(pi, TASK_TECHNICAL_REVIEW, ENGINEER, RaciGroups.ML_ENGINEERS, "APPROVE");
        assertReviewing(pi, TASK_SECURITY_REVIEW);
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        assertThat(pi).task().hasCandidateGroup(RaciGroups.AI_PRODUCT_OWNERS);
        Assertions.assertThat(candidateGroups(pi, TASK_ACCOUNTABLE_APPROVAL))
                .containsExactly(RaciGroups.AI_PRODUCT_OWNERS);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(START, TASK_REGISTER, TASK_ASSESS, TASK_ACCOUNTABLE_APPROVAL, TASK_REASSESS,
                TASK_RECORD_APPROVAL, END_APPROVED);
        assertThat(pi).hasPassed(TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        assertThat(pi).hasNotPassed(TASK_LEGAL_PRIVACY_REVIEW, TASK_ETHICS_REVIEW, TASK_BOARD_SIGNOFF, TASK_HALT,
                TASK_RECORD_REJECTION, END_REJECTED);
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS, TASK_REASSESS);
        Assertions.assertThat(approve.runs).hasSize(1);
        Assertions.assertThat(approve.runs.get(0)).containsEntry(LAST_DECISION, "APPROVE")
                .containsEntry(REVIEW_REJECTED, false).containsEntry(REQUEST_ID, requestId());
        // the approval is recorded in the name of the Accountable approver, from the recorded decisions
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
        Assertions.assertThat(request(pi).getDecisionRationale()).isEqualTo(RATIONALE_TEXT);
        Assertions.assertThat(reject.runs).isEmpty();
        Assertions.assertThat(halt.runs).isEmpty();

        verify(gate).register(pi.getId(), SYSTEM, VERSION, SUBMITTER_USER, null);
        verify(gate, times(2)).assess(requestId());
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_TECHNICAL_REVIEW),
                eq("deployment-technical-review"), eq(RaciRole.RESPONSIBLE), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(ENGINEER));
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_SECURITY_REVIEW),
                eq("deployment-security-review"), eq(RaciRole.CONSULTED), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(SECURITY_REVIEWER));
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_ACCOUNTABLE_APPROVAL),
                eq("deployment-approval"), eq(RaciRole.ACCOUNTABLE), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(OWNER));
        verify(gate).approve(requestId());
        verifyNoOtherGateWrites(pi);
    }

    // 2
    @Test
    void cleanApprovalOfHighRiskTierAddsLegalPrivacyAndEthicsReviewsAndBoardSignOff() {
        register.highRiskTier = true;
        assess.script(false, false);
        ProcessInstance pi = start();

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW, TASK_LEGAL_PRIVACY_REVIEW, TASK_ETHICS_REVIEW);
        assertThat(pi).task(TASK_LEGAL_PRIVACY_REVIEW).hasCandidateGroup(RaciGroups.LEGAL)
                .hasCandidateGroup(RaciGroups.PRIVACY);
        Assertions.assertThat(candidateGroups(pi, TASK_LEGAL_PRIVACY_REVIEW))
                .containsExactlyInAnyOrder(RaciGroups.LEGAL, RaciGroups.PRIVACY);
        assertThat(pi).task(TASK_ETHICS_REVIEW).hasCandidateGroup(RaciGroups.ETHICS);
        Assertions.assertThat(candidateGroups(pi, TASK_ETHICS_REVIEW)).containsExactly(RaciGroups.ETHICS);
        Assertions.assertThat(request(pi).isHighRiskTier()).isTrue();

        decide(pi, TASK_ETHICS_REVIEW, ETHICIST, RaciGroups.ETHICS, "APPROVE");
        decide(pi, TASK_TECHNICAL_REVIEW, ENGINEER, RaciGroups.ML_ENGINEERS, "APPROVE");
        decide(pi, TASK_LEGAL_PRIVACY_REVIEW, LAWYER, RaciGroups.LEGAL, "APPROVE");
        assertReviewing(pi, TASK_SECURITY_REVIEW);
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isWaitingAtExactly(TASK_BOARD_SIGNOFF);
        assertThat(pi).task().hasCandidateGroup(RaciGroups.GOVERNANCE_BOARD);
        Assertions.assertThat(candidateGroups(pi, TASK_BOARD_SIGNOFF)).containsExactly(RaciGroups.GOVERNANCE_BOARD);
        Assertions.assertThat(approve.runs).isEmpty();
        decide(pi, TASK_BOARD_SIGNOFF, BOARD_MEMBER, RaciGroups.GOVERNANCE_BOARD, "APPROVE");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_ASSESS, TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF, TASK_REASSESS,
                TASK_RECORD_APPROVAL, END_APPROVED);
        assertThat(pi).hasPassed(TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW, TASK_LEGAL_PRIVACY_REVIEW,
                TASK_ETHICS_REVIEW);
        Assertions.assertThat(approve.runs).hasSize(1);
        // the last Accountable approver of a high-risk system is the board
        assertDecided(pi, DeploymentRequestStatus.APPROVED, BOARD_MEMBER);
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_LEGAL_PRIVACY_REVIEW),
                eq("deployment-legal-privacy-review"), eq(RaciRole.CONSULTED), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(LAWYER));
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_ETHICS_REVIEW),
                eq("deployment-ethics-review"), eq(RaciRole.CONSULTED), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(ETHICIST));
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_BOARD_SIGNOFF),
                eq("deployment-high-risk-signoff"), eq(RaciRole.ACCOUNTABLE), eq("APPROVE"),
                eq(RATIONALE_TEXT), eq(BOARD_MEMBER));
    }

    // 3
    @Test
    void aRejectedReviewWaitsForTheOtherReviewsThenEndsRejected() {
        register.highRiskTier = true;
        assess.script(false);
        ProcessInstance pi = start();

        decide(pi, TASK_TECHNICAL_REVIEW, ENGINEER, RaciGroups.ML_ENGINEERS, "REJECT");
        // the join still waits for every review that was started
        assertReviewing(pi, TASK_SECURITY_REVIEW, TASK_LEGAL_PRIVACY_REVIEW, TASK_ETHICS_REVIEW);
        Assertions.assertThat(reject.runs).isEmpty();
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), REVIEW_REJECTED)).isEqualTo(true);
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");
        decide(pi, TASK_LEGAL_PRIVACY_REVIEW, LAWYER, RaciGroups.PRIVACY, "APPROVE");
        assertReviewing(pi, TASK_ETHICS_REVIEW);
        decide(pi, TASK_ETHICS_REVIEW, ETHICIST, RaciGroups.ETHICS, "APPROVE");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_TECHNICAL_REVIEW, TASK_RECORD_REJECTION, END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF, TASK_REASSESS,
                TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(reject.runs).hasSize(1);
        Assertions.assertThat(reject.runs.get(0)).containsEntry(REVIEW_REJECTED, true)
                .containsEntry(LAST_DECISION, "APPROVE");
        // recorded in the name of the reviewer who rejected, though later reviewers approved
        assertDecided(pi, DeploymentRequestStatus.REJECTED, ENGINEER);
        Assertions.assertThat(request(pi).getDecisionRationale()).isEqualTo(RATIONALE_TEXT);
        Assertions.assertThat(approve.runs).isEmpty();
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS);
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_TECHNICAL_REVIEW),
                eq("deployment-technical-review"), eq(RaciRole.RESPONSIBLE), eq("REJECT"),
                eq(RATIONALE_TEXT), eq(ENGINEER));
        verify(gate).reject(requestId());
        verify(gate, never()).approve(anyLong());
    }

    // 4
    @Test
    void accountableRejectionEndsRejected() {
        assess.script(false);
        ProcessInstance pi = start();
        approveReviews(pi);

        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "REJECT");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, TASK_RECORD_REJECTION, END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_BOARD_SIGNOFF, TASK_REASSESS, TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(reject.runs).hasSize(1);
        Assertions.assertThat(reject.runs.get(0)).containsEntry(LAST_DECISION, "REJECT")
                .containsEntry(REVIEW_REJECTED, true);
        assertDecided(pi, DeploymentRequestStatus.REJECTED, OWNER);
        Assertions.assertThat(approve.runs).isEmpty();
        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_ACCOUNTABLE_APPROVAL),
                eq("deployment-approval"), eq(RaciRole.ACCOUNTABLE), eq("REJECT"),
                eq(RATIONALE_TEXT), eq(OWNER));
        verify(gate, never()).approve(anyLong());
    }

    // 5
    @Test
    void boardRejectionOfHighRiskTierEndsRejected() {
        register.highRiskTier = true;
        assess.script(false);
        ProcessInstance pi = start();
        approveReviews(pi);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");
        assertThat(pi).isWaitingAtExactly(TASK_BOARD_SIGNOFF);

        decide(pi, TASK_BOARD_SIGNOFF, BOARD_MEMBER, RaciGroups.GOVERNANCE_BOARD, "REJECT");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, TASK_BOARD_SIGNOFF, TASK_RECORD_REJECTION,
                END_REJECTED);
        assertThat(pi).hasNotPassed(TASK_REASSESS, TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(reject.runs).hasSize(1);
        // the board rejected after the Accountable approved: the rejection is the board's
        assertDecided(pi, DeploymentRequestStatus.REJECTED, BOARD_MEMBER);
        Assertions.assertThat(approve.runs).isEmpty();
    }

    // 6
    @Test
    void haltAtSubmissionThenResubmitAfterRemediationIsAssessedAgainAndApproved() {
        assess.script(true, false, false);
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);
        assertThat(pi).task().isAssignedTo(SUBMITTER_USER);
        assertThat(pi).hasNotPassed(TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        Assertions.assertThat(halt.runs).hasSize(1);
        Assertions.assertThat(halt.runs.get(0)).containsEntry(RISK_BLOCKED, true)
                .containsEntry(BLOCKING_RISK_COUNT, 1L)
                .containsEntry(BLOCKING_RISK_SUMMARY, ScriptedAssessment.BLOCKING_SUMMARY);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.HALTED);
        Assertions.assertThat(request(pi).getHaltReasons()).isEqualTo(ScriptedAssessment.BLOCKING_SUMMARY);
        verify(gate).halt(requestId(), List.of(ScriptedAssessment.BLOCKING_SUMMARY));

        remediate(pi, "RESUBMIT");

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        approveReviews(pi);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_HALT, TASK_REMEDIATE, TASK_TECHNICAL_REVIEW, TASK_ACCOUNTABLE_APPROVAL,
                TASK_REASSESS, TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS, TASK_ASSESS, TASK_REASSESS);
        Assertions.assertThat(passedCount(pi, TASK_ASSESS)).isEqualTo(2);
        Assertions.assertThat(halt.runs).hasSize(1);
        Assertions.assertThat(approve.runs).hasSize(1);
        Assertions.assertThat(withdraw.runs).isEmpty();
        Assertions.assertThat(register.submitters).hasSize(1);
        Assertions.assertThat(request(pi).getHaltCount()).isEqualTo(1);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
    }

    // 7
    @Test
    void haltThenWithdrawEndsWithdrawn() {
        assess.script(true);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);

        remediate(pi, "WITHDRAW");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_ASSESS, TASK_HALT, TASK_REMEDIATE, TASK_RECORD_WITHDRAWAL,
                END_WITHDRAWN);
        assertThat(pi).hasNotPassed(TASK_TECHNICAL_REVIEW, TASK_RECORD_APPROVAL, TASK_RECORD_REJECTION);
        Assertions.assertThat(withdraw.runs).hasSize(1);
        Assertions.assertThat(withdraw.runs.get(0)).containsEntry(SUBMITTER, SUBMITTER_USER)
                .containsEntry(REMEDIATION_ACTION, "WITHDRAW");
        assertDecided(pi, DeploymentRequestStatus.WITHDRAWN, SUBMITTER_USER);
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS);
        Assertions.assertThat(approve.runs).isEmpty();
        Assertions.assertThat(reject.runs).isEmpty();
        // registered, assessed, halted and withdrawn; no decision recorded, nothing approved or rejected
        verify(gate).register(pi.getId(), SYSTEM, VERSION, SUBMITTER_USER, null);
        verify(gate).assess(requestId());
        verify(gate).halt(requestId(), List.of(ScriptedAssessment.BLOCKING_SUMMARY));
        verify(gate).withdraw(requestId(), null);
        verifyNoOtherGateWrites(pi);
    }

    // 8
    @Test
    void highRiskRaisedDuringReviewHaltsAtTheFinalReassessment() {
        assess.script(false, true);
        ProcessInstance pi = start();
        approveReviews(pi);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isNotEnded();
        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);
        assertThat(pi).task().isAssignedTo(SUBMITTER_USER);
        assertThat(pi).hasPassedInOrder(TASK_ACCOUNTABLE_APPROVAL, TASK_REASSESS, TASK_HALT);
        assertThat(pi).hasNotPassed(TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS, TASK_REASSESS);
        Assertions.assertThat(halt.runs).hasSize(1);
        Assertions.assertThat(approve.runs).isEmpty();
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.HALTED);
        Assertions.assertThat(request(pi).getDecidedBy()).isNull();
        verify(gate, never()).approve(anyLong());
    }

    // 9
    @Test
    void theSubmitterCannotClaimAssignOrCompleteTheAccountableApproval() {
        assess.script(false, false);
        ProcessInstance pi = start();
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        // olivia is a product owner, so a candidate; but she submitted this request
        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.claim(taskId, SUBMITTER_USER)))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThat(pi).task().isNotAssigned();

        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(taskId, review("APPROVE"))))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);

        assertThatThrownBy(() -> taskService.setAssignee(taskId, SUBMITTER_USER))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThatThrownBy(() -> taskService.delegateTask(taskId, SUBMITTER_USER))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThat(pi).task().isNotAssigned();

        // assigned to another owner, the submitter still cannot complete it in their place
        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.claim(taskId, OWNER));
        assertThat(pi).task().isAssignedTo(OWNER);
        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(taskId, review("APPROVE"))))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        verify(decisions, never()).record(any(), anyString(), anyString(), anyString(), any(), any(),
                anyString(), eq(SUBMITTER_USER));
        Assertions.assertThat(approve.runs).isEmpty();

        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(taskId, review("APPROVE")));

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        Assertions.assertThat(approve.runs).hasSize(1);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
    }

    // 10
    @Test
    void aCompletionWithoutDecisionOrWithAShortRationaleIsRefusedAndAnOldDecisionIsNotReused() {
        assess.script(false);
        ProcessInstance pi = start();
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();
        String security = openTask(pi, TASK_SECURITY_REVIEW).getId();
        clearInvocations(gate); // only what the completions do is checked

        assertRefused(ENGINEER, RaciGroups.ML_ENGINEERS, technical, Map.of(RATIONALE, RATIONALE_TEXT));
        assertRefused(ENGINEER, RaciGroups.ML_ENGINEERS, technical, Map.of(DECISION, "APPROVE"));
        assertRefused(ENGINEER, RaciGroups.ML_ENGINEERS, technical,
                Map.of(DECISION, "APPROVE", RATIONALE, "too short"));
        assertRefused(ENGINEER, RaciGroups.ML_ENGINEERS, technical,
                Map.of(DECISION, "APPROVE", RATIONALE, "   too short     "));
        assertRefused(ENGINEER, RaciGroups.ML_ENGINEERS, technical, Map.of(DECISION, "MAYBE", RATIONALE,
                RATIONALE_TEXT));
        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        verifyNoOtherGateWrites(pi);
        Assertions.assertThat(service.decisionsOf(requestId())).isEmpty();

        // exactly ten characters is enough
        asUser(ENGINEER, RaciGroups.ML_ENGINEERS,
                () -> taskService.complete(technical, Map.of(DECISION, "APPROVE", RATIONALE, "0123456789")));
        assertReviewing(pi, TASK_SECURITY_REVIEW);
        // the submitted fields were consumed: nothing left for the next task to inherit
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys(DECISION, RATIONALE)
                .containsEntry(LAST_DECISION, "APPROVE");

        assertRefused(SECURITY_REVIEWER, RaciGroups.SECURITY, security, Map.of(RATIONALE, RATIONALE_TEXT));
        assertReviewing(pi, TASK_SECURITY_REVIEW);
        verify(decisions, never()).record(any(), anyString(), eq(TASK_SECURITY_REVIEW), anyString(), any(),
                any(), anyString(), anyString());
        Assertions.assertThat(service.decisionsOf(requestId())).extracting(GateDecision::getTaskKey)
                .containsExactly(TASK_TECHNICAL_REVIEW);
    }

    @Test
    void aCompletionWithoutAnyAuthenticatedUserOrAssigneeIsRefused() {
        assess.script(false);
        ProcessInstance pi = start();
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();
        clearInvocations(gate);

        assertThatThrownBy(() -> taskService.complete(technical, review("APPROVE")))
                .satisfies(e -> assertCausedBy(e, BadUserRequestException.class));
        assertThat(pi).isWaitingAt(TASK_TECHNICAL_REVIEW);
        verifyNoOtherGateWrites(pi);
    }

    @Test
    void onlyHoldersOfTheTasksRaciRoleMayDecideIt() {
        assess.script(false);
        ProcessInstance pi = start();
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();
        clearInvocations(gate);

        // an ethics reviewer is not Responsible for the technical review
        assertThatThrownBy(() -> asUser(ETHICIST, RaciGroups.ETHICS,
                () -> taskService.complete(technical, review("APPROVE"))))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        // nor is the Accountable product owner
        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(technical, review("APPROVE"))))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        verifyNoOtherGateWrites(pi);
    }

    @Test
    void approversClaimForThemselvesAndCannotAssignTheTaskToSomeoneElse() {
        assess.script(false);
        ProcessInstance pi = start();
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.setAssignee(taskId, "otto")))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        assertThat(pi).task().isNotAssigned();

        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.claim(taskId, OWNER));
        assertThat(pi).task().isAssignedTo(OWNER);
        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.delegateTask(taskId, "otto")))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        assertThat(pi).task().isAssignedTo(OWNER);

        // giving the task back is allowed
        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.setAssignee(taskId, null));
        assertThat(pi).task().isNotAssigned();
    }

    @Test
    void onlyTheSubmitterDecidesAHaltedRequestAndOnlyByResubmitOrWithdraw() {
        assess.script(true);
        ProcessInstance pi = start();
        String remediation = openTask(pi, TASK_REMEDIATE).getId();

        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(remediation, Map.of(REMEDIATION_ACTION, "WITHDRAW"))))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        for (Map<String, Object> variables : List.<Map<String, Object>>of(Map.of(REMEDIATION_ACTION, "IGNORE"),
                Map.of(REMEDIATION_ACTION, "resubmit"), Map.of())) {
            assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                    () -> taskService.complete(remediation, variables)))
                    .as("remediating with %s", variables)
                    .satisfies(e -> assertCausedBy(e, BadUserRequestException.class));
        }

        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);
        Assertions.assertThat(withdraw.runs).isEmpty();
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.HALTED);
        verify(gate, never()).withdraw(anyLong(), any());
    }

    // ---- control variables cannot be forged by a client completing a task or starting the process:
    // submitter, requestId, highRiskTier and reviewRejected are written from our tables after every such step.

    @Test
    void theInitiatorIsTheSubmitterWhateverTheStartVariablesSay() {
        assess.script(false);
        identityService.setAuthenticatedUserId(SUBMITTER_USER);
        ProcessInstance pi;
        try {
            pi = runtimeService.startProcessInstanceByKey(KEY,
                    Map.of(SYSTEM_ID, SYSTEM, VERSION_LABEL, VERSION, SUBMITTER, "mallory"));
        } finally {
            identityService.clearAuthentication();
        }
        Assertions.assertThat(register.submitters).containsExactly(SUBMITTER_USER);
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), SUBMITTER)).isEqualTo(SUBMITTER_USER);
        Assertions.assertThat(request(pi).getSubmittedBy()).isEqualTo(SUBMITTER_USER);
        verify(gate, never()).register(anyString(), any(), anyString(), eq("mallory"), any());
    }

    @Test
    void startVariablesCannotLowerTheTierNameAnotherRequestOrPresetARejection() {
        register.highRiskTier = true;
        assess.script(false, false);
        identityService.setAuthenticatedUserId(SUBMITTER_USER);
        ProcessInstance pi;
        try {
            pi = runtimeService.startProcessInstanceByKey(KEY, Map.of(SYSTEM_ID, SYSTEM, VERSION_LABEL, VERSION,
                    HIGH_RISK_TIER, false, REQUEST_ID, 999L, REVIEW_REJECTED, true, SUBMITTER, "mallory"));
        } finally {
            identityService.clearAuthentication();
        }

        // all four reviews of the high-risk tier, for request 42 of olivia
        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW, TASK_LEGAL_PRIVACY_REVIEW, TASK_ETHICS_REVIEW);
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsEntry(HIGH_RISK_TIER, true)
                .containsEntry(REQUEST_ID, requestId()).containsEntry(REVIEW_REJECTED, false)
                .containsEntry(SUBMITTER, SUBMITTER_USER);
        verify(gate).assess(requestId());
        verify(gate, never()).assess(999L);

        // approved reviews are not turned into a rejection by the preset variable
        approveReviews(pi);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");
        assertThat(pi).isWaitingAtExactly(TASK_BOARD_SIGNOFF);
        decide(pi, TASK_BOARD_SIGNOFF, BOARD_MEMBER, RaciGroups.GOVERNANCE_BOARD, "APPROVE");
        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, BOARD_MEMBER);
    }

    @Test
    void theSubmitterCannotRenameHerselfWhileRemediating() {
        assess.script(true, false);
        ProcessInstance pi = start();
        String remediation = openTask(pi, TASK_REMEDIATE).getId();

        // another product owner naming herself the submitter is still not the submitter
        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(
                remediation, Map.of(REMEDIATION_ACTION, "RESUBMIT", SUBMITTER, OWNER))))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), SUBMITTER)).isEqualTo(SUBMITTER_USER);

        // the submitter resubmits, naming someone else as submitter: the name does not stick
        asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(
                remediation, Map.of(REMEDIATION_ACTION, "RESUBMIT", SUBMITTER, "mallory")));
        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), SUBMITTER)).isEqualTo(SUBMITTER_USER);
        Assertions.assertThat(request(pi).getSubmittedBy()).isEqualTo(SUBMITTER_USER);

        // so she still cannot approve her own request
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();
        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.claim(taskId, SUBMITTER_USER)))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
    }

    @Test
    void resubmittingCannotLowerTheTierNameAnotherRequestOrPresetARejection() {
        register.highRiskTier = true;
        assess.script(true, false);
        ProcessInstance pi = start();
        String remediation = openTask(pi, TASK_REMEDIATE).getId();

        asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(remediation,
                Map.of(REMEDIATION_ACTION, "RESUBMIT", HIGH_RISK_TIER, false, REQUEST_ID, 999L,
                        REVIEW_REJECTED, true)));

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW, TASK_LEGAL_PRIVACY_REVIEW, TASK_ETHICS_REVIEW);
        verify(gate, times(2)).assess(requestId());
        verify(gate, never()).assess(999L);
        approveReviews(pi);
        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(reject.runs).isEmpty();
    }

    @Test
    void aReviewerCannotRenameTheSubmitterSoThatSheCanApproveHerOwnRequest() {
        assess.script(false, false);
        ProcessInstance pi = start();
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();
        asUser(ENGINEER, RaciGroups.ML_ENGINEERS, () -> taskService.complete(technical,
                Map.of(DECISION, "APPROVE", RATIONALE, RATIONALE_TEXT, SUBMITTER, "mallory")));
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), SUBMITTER)).isEqualTo(SUBMITTER_USER);
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.claim(taskId, SUBMITTER_USER)))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(taskId, review("APPROVE"))))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
    }

    @Test
    void aLaterApprovingReviewerCannotOverrideAnEarlierRejection() {
        assess.script(false);
        ProcessInstance pi = start();
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "REJECT");
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();

        asUser(ENGINEER, RaciGroups.ML_ENGINEERS, () -> taskService.complete(technical,
                Map.of(DECISION, "APPROVE", RATIONALE, RATIONALE_TEXT, REVIEW_REJECTED, false)));

        assertThat(pi).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_ACCOUNTABLE_APPROVAL);
        assertDecided(pi, DeploymentRequestStatus.REJECTED, SECURITY_REVIEWER);
        Assertions.assertThat(approve.runs).isEmpty();
    }

    @Test
    void anApprovingReviewerCannotTurnTheReviewsIntoARejection() {
        assess.script(false);
        ProcessInstance pi = start();
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");
        String technical = openTask(pi, TASK_TECHNICAL_REVIEW).getId();

        asUser(ENGINEER, RaciGroups.ML_ENGINEERS, () -> taskService.complete(technical,
                Map.of(DECISION, "APPROVE", RATIONALE, RATIONALE_TEXT, REVIEW_REJECTED, true)));

        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
        Assertions.assertThat(reject.runs).isEmpty();
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), REVIEW_REJECTED)).isEqualTo(false);
    }

    @Test
    void theAccountableApproverCannotSkipTheBoardSignOffOfAHighRiskSystem() {
        register.highRiskTier = true;
        assess.script(false, false);
        ProcessInstance pi = start();
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(taskId,
                Map.of(DECISION, "APPROVE", RATIONALE, RATIONALE_TEXT, HIGH_RISK_TIER, false)));

        assertThat(pi).isWaitingAtExactly(TASK_BOARD_SIGNOFF);
        Assertions.assertThat(approve.runs).isEmpty();
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), HIGH_RISK_TIER)).isEqualTo(true);
        verify(gate, never()).approve(anyLong());
    }

    @Test
    void theAccountableApproverCannotRedirectTheApprovalToAnotherRequest() {
        assess.script(false, false);
        ProcessInstance pi = start();
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(taskId,
                Map.of(DECISION, "APPROVE", RATIONALE, RATIONALE_TEXT, REQUEST_ID, 999L)));

        verify(decisions).record(inRequestsRun(), anyString(), eq(TASK_ACCOUNTABLE_APPROVAL), anyString(), any(),
                any(), anyString(), eq(OWNER));
        verify(decisions, never()).record(notInRequestsRun(), anyString(), anyString(), anyString(), any(), any(),
                anyString(), anyString());
        Assertions.assertThat(approve.runs).hasSize(1);
        Assertions.assertThat(approve.runs.get(0)).containsEntry(REQUEST_ID, requestId());
        verify(gate).approve(requestId());
        verify(gate, never()).approve(999L);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
    }

    /** No variable names who approved or rejected: the gate takes them from the recorded decisions. */
    @Test
    void aCompletionCannotNameTheApprover() {
        assess.script(false, false);
        ProcessInstance pi = start();
        approveReviews(pi);
        String taskId = openTask(pi, TASK_ACCOUNTABLE_APPROVAL).getId();

        asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS, () -> taskService.complete(taskId, Map.of(DECISION, "APPROVE",
                RATIONALE, RATIONALE_TEXT, "approvedBy", BOARD_MEMBER, "approvalRationale", "Signed off by bea.")));

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
        Assertions.assertThat(request(pi).getDecisionRationale()).isEqualTo(RATIONALE_TEXT);
    }

    @Test
    void aCompletionCannotNameTheRejectingUser() {
        assess.script(false);
        ProcessInstance pi = start();
        decide(pi, TASK_TECHNICAL_REVIEW, ENGINEER, RaciGroups.ML_ENGINEERS, "APPROVE");
        String security = openTask(pi, TASK_SECURITY_REVIEW).getId();

        asUser(SECURITY_REVIEWER, RaciGroups.SECURITY, () -> taskService.complete(security, Map.of(DECISION,
                "REJECT", RATIONALE, RATIONALE_TEXT, "rejectedBy", ENGINEER, "rejectionRationale", "Tom says no.")));

        assertThat(pi).isEnded().hasPassed(END_REJECTED);
        assertDecided(pi, DeploymentRequestStatus.REJECTED, SECURITY_REVIEWER);
        Assertions.assertThat(request(pi).getDecisionRationale()).isEqualTo(RATIONALE_TEXT);
    }

    // holds of an open incident: their own gateways, halt and task, apart from the risks

    @Test
    void aVersionHeldByAnIncidentAtSubmissionWaitsForTheIncidentNotForRiskRemediationThenIsApproved() {
        assess.script(false, false, false);
        holds.script(true, false, false);
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAtExactly(TASK_AWAIT_INCIDENT);
        assertThat(pi).task().isAssignedTo(SUBMITTER_USER);
        assertThat(pi).hasPassed("gateway_incident_hold", TASK_RECORD_HOLD)
                .hasNotPassed(TASK_HALT, TASK_REMEDIATE, TASK_TECHNICAL_REVIEW);
        Assertions.assertThat(runtimeService.getVariables(pi.getId())).containsEntry(RISK_BLOCKED, false)
                .containsEntry(INCIDENT_HELD, true).containsEntry(HOLD_SUMMARY, ScriptedHolds.HOLD)
                .doesNotContainKeys(BLOCKING_RISK_COUNT, BLOCKING_RISK_SUMMARY);
        // the one halt step, at the hold's own task, with the holds as its reasons
        Assertions.assertThat(halt.runs).hasSize(1);
        Assertions.assertThat(halt.runs.get(0)).containsEntry(HOLD_SUMMARY, ScriptedHolds.HOLD);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.HALTED);
        Assertions.assertThat(request(pi).getHaltReasons()).isEqualTo(ScriptedHolds.HOLD);
        verify(gate).halt(requestId(), List.of(ScriptedHolds.HOLD));

        awaitIncident(pi, "RESUBMIT");

        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        approveReviews(pi);
        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");
        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_RECORD_HOLD, TASK_AWAIT_INCIDENT, TASK_TECHNICAL_REVIEW,
                TASK_ACCOUNTABLE_APPROVAL, TASK_REASSESS, "gateway_still_unheld", TASK_RECORD_APPROVAL, END_APPROVED);
        Assertions.assertThat(assess.ranAt).containsExactly(TASK_ASSESS, TASK_ASSESS, TASK_REASSESS);
        assertDecided(pi, DeploymentRequestStatus.APPROVED, OWNER);
    }

    @Test
    void aHeldRequestCanBeWithdrawn() {
        assess.script(false);
        holds.script(true);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAtExactly(TASK_AWAIT_INCIDENT);

        awaitIncident(pi, "WITHDRAW");

        assertThat(pi).isEnded();
        assertThat(pi).hasPassedInOrder(TASK_ASSESS, TASK_RECORD_HOLD, TASK_AWAIT_INCIDENT, TASK_RECORD_WITHDRAWAL,
                END_WITHDRAWN);
        assertThat(pi).hasNotPassed(TASK_HALT, TASK_REMEDIATE, TASK_TECHNICAL_REVIEW, TASK_RECORD_APPROVAL);
        assertDecided(pi, DeploymentRequestStatus.WITHDRAWN, SUBMITTER_USER);
        verify(gate).withdraw(requestId(), null);
    }

    @Test
    void onlyTheSubmitterDecidesHowAHeldRequestContinues() {
        assess.script(false);
        holds.script(true);
        ProcessInstance pi = start();
        String taskId = openTask(pi, TASK_AWAIT_INCIDENT).getId();

        assertThatThrownBy(() -> asUser(OWNER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(taskId, Map.of(REMEDIATION_ACTION, "RESUBMIT"))))
                .satisfies(e -> assertCausedBy(e, AuthorizationException.class));
        assertRefused(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS, taskId, Map.of(REMEDIATION_ACTION, "APPROVE"));
        assertThat(pi).isWaitingAtExactly(TASK_AWAIT_INCIDENT);
    }

    @Test
    void aHoldRaisedDuringReviewHaltsAtTheFinalReassessmentOnTheHoldPath() {
        assess.script(false, false);
        holds.script(false, true);
        ProcessInstance pi = start();
        approveReviews(pi);

        decide(pi, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(pi).isWaitingAtExactly(TASK_AWAIT_INCIDENT);
        assertThat(pi).hasPassedInOrder(TASK_REASSESS, "gateway_still_clear", "gateway_still_unheld", TASK_RECORD_HOLD)
                .hasNotPassed(TASK_HALT, TASK_REMEDIATE, TASK_RECORD_APPROVAL);
        Assertions.assertThat(request(pi).getStatus()).isEqualTo(DeploymentRequestStatus.HALTED);
        verify(gate, never()).approve(anyLong());
    }

    @Test
    void aBlockingRiskAndAHoldAtOnceAreRemediatedFirstThenAwaited() {
        assess.script(true, false, false, false);
        holds.script(true, true, false, false);
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAtExactly(TASK_REMEDIATE);
        Assertions.assertThat(request(pi).getHaltReasons()).isEqualTo(ScriptedAssessment.BLOCKING_SUMMARY);

        remediate(pi, "RESUBMIT");
        assertThat(pi).isWaitingAtExactly(TASK_AWAIT_INCIDENT);
        Assertions.assertThat(request(pi).getHaltReasons()).isEqualTo(ScriptedHolds.HOLD);

        awaitIncident(pi, "RESUBMIT");
        assertReviewing(pi, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        Assertions.assertThat(request(pi).getHaltCount()).isEqualTo(2);
    }

    // 11: bound approval, re-approval after a material change (message start)
    @Test
    void aMaterialChangeStartsAReapprovalThatShowsTheDifferenceAndBindsANewState() {
        assess.script(false, false, false, false);
        ProcessInstance first = start();
        approveReviews(first);
        decide(first, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");
        assertThat(first).isEnded().hasPassed(END_APPROVED);
        BoundApproval approved = approvals.currentOf(VERSION_ID).orElseThrow();
        Assertions.assertThat(approved.stateDigest()).isEqualTo(BoundApprovalFixtures.STATE.withApprovers(
                approved.approvers()).digest());
        Assertions.assertThat(approved.approvers()).extracting(ApprovalState.Approver::user).containsExactly(OWNER);

        // A material change: the approval is invalidated, the version needs re-approval, the reapproval starts.
        versionIs(VersionStatus.APPROVED);
        Assertions.assertThat(service.invalidate(VERSION_ID, "RISK", CHANGE)).isTrue();
        verify(inventory).changeVersionStatus(VERSION_ID, VersionStatus.REAPPROVAL_REQUIRED);
        Assertions.assertThat(approvals.latestOf(SYSTEM, VERSION).orElseThrow())
                .extracting(BoundApproval::status, BoundApproval::invalidationReason)
                .containsExactly(ApprovalStatus.INVALIDATED, CHANGE);
        versionIs(VersionStatus.REAPPROVAL_REQUIRED);
        when(states.current(VERSION_ID)).thenReturn(changedState());
        when(states.approvedIn(org.mockito.ArgumentMatchers.eq(VERSION_ID), any())).thenReturn(changedState()
                .withApprovers(List.of(new ApprovalState.Approver(OWNER, "ACCOUNTABLE", "deployment-approval",
                        TASK_ACCOUNTABLE_APPROVAL))));
        clearInvocations(inventory);

        ProcessInstance reapproval = reapprove();

        assertThat(reapproval).hasPassedInOrder(START_REAPPROVAL, TASK_REGISTER_REAPPROVAL, TASK_ASSESS);
        assertReviewing(reapproval, TASK_TECHNICAL_REVIEW, TASK_SECURITY_REVIEW);
        DeploymentRequest again = request(reapproval);
        Assertions.assertThat(again.getReapprovalOf()).isEqualTo(approved.id());
        Assertions.assertThat(again.getSubmittedBy()).isEqualTo(SUBMITTER_USER);
        Assertions.assertThat(gateDecisions.require(again.getGateRunId()).getTriggerKind()).isEqualTo("MATERIAL_CHANGE");
        Assertions.assertThat(runtimeService.getVariables(reapproval.getId()))
                .containsEntry(SUBMITTER, SUBMITTER_USER).containsEntry(VERSION_LABEL, VERSION)
                .containsEntry(REAPPROVAL_REASON, CHANGE)
                .containsEntry(STATE_DIFFERENCE, "- New CRITICAL risk 9 'Prompt injection' (OPEN)");
        // the version stays REAPPROVAL_REQUIRED while it is reviewed again
        verify(inventory, never()).changeVersionStatus(VERSION_ID, VersionStatus.IN_REVIEW);

        // Segregation of duties holds in the re-approval: the submitter of the approved request decides nothing.
        approveReviews(reapproval);
        String approvalTask = openTask(reapproval, TASK_ACCOUNTABLE_APPROVAL).getId();
        assertThatThrownBy(() -> asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.claim(approvalTask, SUBMITTER_USER)))
                .satisfies(e -> assertCausedBy(e, SegregationOfDutiesViolation.class));
        decide(reapproval, TASK_ACCOUNTABLE_APPROVAL, OWNER, RaciGroups.AI_PRODUCT_OWNERS, "APPROVE");

        assertThat(reapproval).isEnded();
        assertThat(reapproval).hasPassedInOrder(START_REAPPROVAL, TASK_REGISTER_REAPPROVAL, TASK_ASSESS,
                TASK_ACCOUNTABLE_APPROVAL, TASK_REASSESS, TASK_RECORD_APPROVAL, END_APPROVED);
        assertThat(reapproval).hasNotPassed(START, TASK_REGISTER);
        BoundApproval rebound = approvals.currentOf(VERSION_ID).orElseThrow();
        Assertions.assertThat(rebound.id()).isNotEqualTo(approved.id());
        Assertions.assertThat(rebound.requestId()).isEqualTo(again.getId());
        Assertions.assertThat(rebound.stateDigest()).isNotEqualTo(approved.stateDigest())
                .isEqualTo(ApprovalState.digestOf(rebound.stateJson()));
        verify(inventory).changeVersionStatus(VERSION_ID, VersionStatus.APPROVED);
    }

    @Test
    void aReapprovalIsRefusedForAVersionWhoseApprovalStands() {
        versionIs(VersionStatus.APPROVED);

        assertThatThrownBy(this::reapprove).satisfies(e -> assertCausedBy(e,
                io.aimsgate.shared.ConflictException.class));
        Assertions.assertThat(requests.findAll()).isEmpty();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    static final String CHANGE = "New CRITICAL risk 9 'Prompt injection' recorded (OPEN).";

    private ProcessInstance reapprove() {
        return runtimeService.createMessageCorrelation(MESSAGE_REAPPROVAL_REQUIRED)
                .setVariable(DeploymentApprovalProcess.VERSION_ID, VERSION_ID).correlateStartMessage();
    }

    /** The inventory now answers this status for the version. */
    private void versionIs(VersionStatus status) {
        ModelVersion version = inventory.requireVersion(VERSION_ID);
        when(version.getStatus()).thenReturn(status);
        when(version.getSystemId()).thenReturn(SYSTEM);
    }

    private static ApprovalState changedState() {
        ApprovalState state = BoundApprovalFixtures.STATE;
        return new ApprovalState(state.systemId(), state.versionId(), state.versionLabel(), state.artifactSha256(),
                List.of(new ApprovalState.RiskEntry(9, "Prompt injection", "CRITICAL", "OPEN", false, null, null,
                        null)), state.evidence(), state.decisions(), List.of());
    }

    // ---- helpers

    /**
     * The system and version the requests are about, as rows (the request and run tables refer to them), and the
     * inventory's answers about them: the tier is {@link RegisterDouble#highRiskTier} when the gate registers.
     */
    private void ourSystemAndVersion() {
        jdbc.update("INSERT INTO ai_system (id, name, intended_use, ai_type, business_owner, business_unit, "
                + "supplier_type, eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, "
                + "created_by, created_at, updated_at, row_version) VALUES (?, 'Credit scoring', 'Scores credit', "
                + "'PREDICTIVE', 'oscar', 'Lending', 'IN_HOUSE', 'HIGH', 'none', FALSE, 'DEPLOYMENT', 'olivia', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", SYSTEM);
        jdbc.update("INSERT INTO model_version (id, system_id, version_label, artifact_sha256, status, created_by, "
                + "created_at, updated_at, status_changed_at, row_version) VALUES (?, ?, ?, ?, 'DRAFT', 'olivia', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", VERSION_ID, SYSTEM, VERSION,
                "a".repeat(64));
        // the scripted collaborators are beans of the cached context: each test scripts them afresh
        org.mockito.Mockito.reset(inventory, riskRegister);
        ModelVersion version = mock(ModelVersion.class);
        when(version.getId()).thenReturn(VERSION_ID);
        when(version.getVersionLabel()).thenReturn(VERSION);
        when(version.getStatus()).thenReturn(VersionStatus.DRAFT);
        when(inventory.requireVersion(SYSTEM, VERSION)).thenReturn(version);
        when(inventory.requireVersion(VERSION_ID)).thenReturn(version);
        AiSystem system = mock(AiSystem.class);
        when(system.getId()).thenReturn(SYSTEM);
        when(system.getName()).thenReturn("Credit scoring");
        when(system.getEuAiActTier()).thenAnswer(call -> register.highRiskTier ? EuAiActTier.HIGH
                : EuAiActTier.MINIMAL);
        when(inventory.requireSystem(SYSTEM)).thenReturn(system);
        org.mockito.Mockito.doAnswer(call -> assess.answer(call.getArgument(0))).when(riskRegister).assess(anyLong());
    }

    /** The id of the one deployment request this test made (read from the table, not through the verified mock). */
    private long requestId() {
        List<DeploymentRequest> made = requests.findAll();
        Assertions.assertThat(made).as("the test's deployment requests").hasSize(1);
        return made.get(0).getId();
    }

    /** The gate run of the test's request (the run its decisions are recorded in). */
    private GateRun inRequestsRun() {
        long runId = requests.findAll().get(0).getGateRunId();
        return argThat(run -> run != null && run.getId() == runId);
    }

    private GateRun notInRequestsRun() {
        long runId = requests.findAll().get(0).getGateRunId();
        return argThat(run -> run == null || run.getId() != runId);
    }

    private ProcessInstance start() {
        identityService.setAuthenticatedUserId(SUBMITTER_USER);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, Map.of(SYSTEM_ID, SYSTEM, VERSION_LABEL, VERSION));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The request as our tables hold it (read directly, not through the verified mock). */
    private DeploymentRequest request(ProcessInstance pi) {
        return service.requireByProcessInstance(pi.getId());
    }

    private void assertDecided(ProcessInstance pi, DeploymentRequestStatus status, String decidedBy) {
        Assertions.assertThat(request(pi)).extracting(DeploymentRequest::getStatus, DeploymentRequest::getDecidedBy)
                .containsExactly(status, decidedBy);
    }

    /**
     * Beyond what the test verified, the gate was only read, and only about this request: reading is what
     * every listener and control-variable restore does, anything else would be a write nobody expected.
     */
    private void verifyNoOtherGateWrites(ProcessInstance pi) {
        verify(gate, atLeast(0)).requireByProcessInstance(pi.getId());
        verify(gate, atLeast(0)).hasRejection(requestId());
        verifyNoMoreInteractions(gate);
    }

    /** The open user tasks are exactly these reviews (executions may also wait at the join). */
    private void assertReviewing(ProcessInstance pi, String... taskKeys) {
        assertThat(pi).isWaitingAt(taskKeys);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(taskKeys);
    }

    private void approveReviews(ProcessInstance pi) {
        decide(pi, TASK_TECHNICAL_REVIEW, ENGINEER, RaciGroups.ML_ENGINEERS, "APPROVE");
        decide(pi, TASK_SECURITY_REVIEW, SECURITY_REVIEWER, RaciGroups.SECURITY, "APPROVE");
        if (register.highRiskTier) {
            decide(pi, TASK_LEGAL_PRIVACY_REVIEW, LAWYER, RaciGroups.LEGAL, "APPROVE");
            decide(pi, TASK_ETHICS_REVIEW, ETHICIST, RaciGroups.ETHICS, "APPROVE");
        }
        assertThat(pi).isWaitingAtExactly(TASK_ACCOUNTABLE_APPROVAL);
    }

    /** Claims the task as a member of the group, then completes it as a client would. */
    private void decide(ProcessInstance pi, String taskKey, String user, String group, String decision) {
        Task task = openTask(pi, taskKey);
        assertThat(task).hasCandidateGroup(group);
        asUser(user, group, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), review(decision));
        });
    }

    private void remediate(ProcessInstance pi, String action) {
        Task task = openTask(pi, TASK_REMEDIATE);
        assertThat(task).isAssignedTo(SUBMITTER_USER);
        asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(task.getId(), Map.of(REMEDIATION_ACTION, action)));
    }

    private void awaitIncident(ProcessInstance pi, String action) {
        Task task = openTask(pi, TASK_AWAIT_INCIDENT);
        assertThat(task).isAssignedTo(SUBMITTER_USER);
        asUser(SUBMITTER_USER, RaciGroups.AI_PRODUCT_OWNERS,
                () -> taskService.complete(task.getId(), Map.of(REMEDIATION_ACTION, action)));
    }

    private static Map<String, Object> review(String decision) {
        return Map.of(DECISION, decision, RATIONALE, RATIONALE_TEXT);
    }

    private void assertRefused(String user, String group, String taskId, Map<String, Object> variables) {
        assertThatThrownBy(() -> asUser(user, group, () -> taskService.complete(taskId, variables)))
                .as("completing with %s", variables)
                .satisfies(e -> assertCausedBy(e, BadUserRequestException.class));
        Assertions.assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    }

    private void asUser(String user, String group, Runnable action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task openTask(ProcessInstance pi, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        Assertions.assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    private Set<String> candidateGroups(ProcessInstance pi, String taskKey) {
        return taskService.getIdentityLinksForTask(openTask(pi, taskKey).getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private long passedCount(ProcessInstance pi, String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(activityId).finished().count();
    }

    static void assertCausedBy(Throwable thrown, Class<? extends Throwable> type) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Assertions.assertThat(chain).as("exception chain of %s", thrown).hasAtLeastOneElementOfType(type);
    }

    // ---- test doubles for the service tasks

    /**
     * Stands in for registerDeploymentRequest as the real one does it: the engine's authenticated user is the
     * submitter (whatever the variables say), the request is registered with the gate, and the control
     * variables are written from it. {@link #highRiskTier} is the inventory's tier of the submitted system.
     */
    final class RegisterDouble implements JavaDelegate {

        boolean highRiskTier = false;
        final List<String> submitters = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            if (authentication == null || authentication.getUserId() == null) {
                throw new BadUserRequestException("A deployment request must be submitted by an authenticated user");
            }
            submitters.add(authentication.getUserId());
            gate.register(execution.getProcessInstanceId(), ProcessVariable.id(SYSTEM_ID).get(execution),
                    ProcessVariable.text(VERSION_LABEL).get(execution), authentication.getUserId(),
                    ProcessVariable.text(SUBMISSION_NOTE).orNull(execution));
            execution.setVariable(SYSTEM_NAME, "Credit scoring");
            ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        }
    }

    /**
     * Stands in for assessDeployment: the production delegate, with the risk register answering blocked or
     * clear in the scripted order (through the gate's assess).
     */
    final class ScriptedAssessment implements JavaDelegate {

        static final String BLOCKING_SUMMARY = "Risk 9 'Prompt injection' is HIGH (status OPEN)";

        private final Deque<Boolean> answers = new ArrayDeque<>();
        final List<String> ranAt = new ArrayList<>();

        void script(Boolean... blocked) {
            answers.addAll(List.of(blocked));
        }

        /** The risk register's answer when the gate assesses: the next scripted one. */
        RiskAssessment answer(Long systemId) {
            Boolean blocked = answers.poll();
            if (blocked == null) {
                throw new IllegalStateException("No scripted assessment left for the run after " + ranAt);
            }
            List<BlockingRisk> risks = blocked
                    ? List.of(new BlockingRisk(9L, "Prompt injection", Severity.HIGH, RiskStatus.OPEN, false))
                    : List.of();
            return new RiskAssessment(systemId, risks.size(), risks, "risk-severity:1:1",
                    NOW);
        }

        @Override
        public void execute(DelegateExecution execution) {
            ranAt.add(execution.getCurrentActivityId());
            new AssessDeploymentDelegate(gate).execute(execution);
        }
    }

    /**
     * Stands in for a record delegate: remembers each run with the variables it saw, then records through the
     * production delegate against the in-memory gate.
     */
    static final class RecordingDelegate implements JavaDelegate {

        private final JavaDelegate recorder;
        final List<Map<String, Object>> runs = new ArrayList<>();

        RecordingDelegate(JavaDelegate recorder) {
            this.recorder = recorder;
        }

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            runs.add(new HashMap<>(execution.getVariables()));
            recorder.execute(execution);
        }
    }

    /**
     * An open incident's hold on the version (what the incident feature answers in production), in the scripted
     * order: one answer per assessment, none once the script is used up.
     */
    static final class ScriptedHolds implements DeploymentBlocker {

        static final String HOLD = "Suspended by incident 5 (SEV2, OPEN)";

        final Deque<List<String>> answers = new ArrayDeque<>();

        void script(Boolean... held) {
            for (Boolean h : held) {
                answers.add(h ? List.of(HOLD) : List.of());
            }
        }

        @Override
        public List<String> blockingReasons(Long versionId) {
            List<String> answer = answers.poll();
            return answer == null ? List.of() : answer;
        }
    }

    /** The gate's services over our tables; the inventory, the risk register and the Informed are scripted. */
    @TestConfiguration
    static class GateTables {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        InventoryService inventory() {
            return mock(InventoryService.class);
        }

        @Bean
        RiskAssessmentService riskAssessment() {
            return mock(RiskAssessmentService.class);
        }

        @Bean
        ScriptedHolds scriptedHolds() {
            return new ScriptedHolds();
        }

        @Bean
        GateDecisions gateDecisions(GateRunRepository runs, GateDecisionRepository decisions,
                ApplicationEventPublisher publisher, Clock clock) {
            return new GateDecisions(runs, decisions, publisher, clock, BoundApprovalFixtures.ledger());
        }

        @Bean
        ApprovalStates approvalStates() {
            return BoundApprovalFixtures.states();
        }

        @Bean
        DeploymentApprovals deploymentApprovals(DeploymentApprovalRepository approvals, ApprovalStates states,
                InventoryService inventory, Clock clock) {
            return new DeploymentApprovals(approvals, states, inventory, clock);
        }

        @Bean
        DeploymentGateService deploymentGateService(DeploymentRequestRepository requests, GateDecisions decisions,
                GateEventRepository events, InventoryService inventory, RiskAssessmentService riskAssessment,
                ScriptedHolds holds, ApplicationEventPublisher publisher, Clock clock, ApprovalStates states,
                DeploymentApprovals approvals) {
            return new DeploymentGateService(requests, decisions, events, inventory, riskAssessment, List.of(holds),
                    List.of(), mock(InformedParties.class), publisher, mock(io.aimsgate.evidence.RequiredEvidence.class), clock,
                    BoundApprovalFixtures.ledger(), states, approvals);
        }
    }
}
