package io.aimsgate.evidence.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The evidence expiry reminder, path by path: renewed before the reminder is due; the reminder task (offered to the
 * RACI groups of evidence-renewal, due on the expiry date), which a later message does not end; completed as renewed
 * (confirmed, or refused while no newer revision exists) or as acknowledged (recorded). Delegates are recording doubles; candidate
 * groups come from the real RACI listener over the application matrix.
 */
@Deployment(resources = {"processes/evidence-expiry.bpmn", "forms/evidence-renewal.form"})
@ExtendWith(ProcessEngineExtension.class)
class EvidenceExpiryProcessTest {

    static final String KEY = "evidence-expiry";
    static final String MESSAGE = "EvidenceRenewed";
    static final String BUSINESS_KEY = "evidence-file-41";
    static final String START = "start_evidence_expiry";
    static final String GATEWAY_WAIT = "gateway_wait_for_reminder";
    static final String TIMER = "timer_reminder_due";
    static final String RENEWED_EARLY = "message_renewed_early";
    static final String END_RENEWED_EARLY = "end_renewed_early";
    static final String TASK_RENEW = "task_renew_evidence";
    static final String GATEWAY_OUTCOME = "gateway_renewal_outcome";
    static final String TASK_CONFIRM = "task_confirm_renewal";
    static final String END_RENEWED = "end_renewed";
    static final String TASK_ACKNOWLEDGE = "task_record_acknowledgement";
    static final String END_ACKNOWLEDGED = "end_acknowledged";

    static final Date REMINDER_DUE = Date.from(Instant.parse("2027-03-02T00:00:00Z"));
    static final Date EXPIRES_AT = Date.from(Instant.parse("2027-04-01T00:00:00Z"));

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    TaskService taskService;
    ProcessSteps steps;
    RecordingDelegate confirm;
    RecordingDelegate acknowledge;
    boolean newerRevisionExists;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        steps = new ProcessSteps(processEngine);
        newerRevisionExists = true;
        confirm = new RecordingDelegate(execution -> {
            if (!newerRevisionExists) {
                throw new ConflictException("renewalDecision", "No newer revision of 'model-card.md' than revision 1.");
            }
            execution.setVariable("renewedByRevision", 2);
        });
        acknowledge = new RecordingDelegate();
        Mocks.register("confirmEvidenceRenewal", confirm);
        Mocks.register("recordEvidenceExpiryAcknowledged", acknowledge);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void aNewerRevisionBeforeTheReminderIsDueEndsItWithoutATask() {
        ProcessInstance pi = start();
        // Waiting at the event-based gateway for whichever comes first: the timer or the message.
        assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT);
        Assertions.assertThat(steps.timerJob(pi, TIMER).getDuedate()).isEqualTo(REMINDER_DUE);

        renew();

        assertThat(pi).isEnded().hasPassedInOrder(START, GATEWAY_WAIT, RENEWED_EARLY, END_RENEWED_EARLY)
                .hasNotPassed(TIMER, TASK_RENEW);
        Assertions.assertThat(steps.timerJobs(pi, TIMER)).isZero();
        Assertions.assertThat(confirm.runs).isEmpty();
        Assertions.assertThat(acknowledge.runs).isEmpty();
    }

    @Test
    void theReminderIsATaskForTheEvidenceOwnersDueOnTheExpiryDateThatANewerRevisionDoesNotCancel() {
        ProcessInstance pi = remind();
        Task task = steps.openTask(pi, TASK_RENEW);
        Assertions.assertThat(steps.candidateGroups(task))
                .containsExactlyInAnyOrder(RaciGroups.ML_ENGINEERS, RaciGroups.AI_PRODUCT_OWNERS);
        Assertions.assertThat(task.getDueDate()).isEqualTo(EXPIRES_AT);
        Assertions.assertThat(task.getAssignee()).isNull();

        // A governed task ends only by being completed: the platform's message finds no one waiting for it now.
        renew();
        assertThat(pi).isWaitingAtExactly(TASK_RENEW).hasNotPassed(RENEWED_EARLY, END_RENEWED_EARLY);
        Assertions.assertThat(steps.openTask(pi, TASK_RENEW).getId()).isEqualTo(task.getId());
    }

    @Test
    void completedAsRenewedTheNewerRevisionIsConfirmed() {
        ProcessInstance pi = remind();
        taskService.complete(steps.openTask(pi, TASK_RENEW).getId(), decision("RENEWED",
                "Model card revised for the 2.1.1 retraining."));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_RENEW, GATEWAY_OUTCOME, TASK_CONFIRM, END_RENEWED)
                .hasNotPassed(TASK_ACKNOWLEDGE, END_ACKNOWLEDGED);
        Assertions.assertThat(confirm.onlyRun()).containsEntry("fileId", 41L).containsEntry("revision", 1)
                .containsEntry("renewalDecision", "RENEWED").containsEntry(RecordingDelegate.ACTIVITY, TASK_CONFIRM);
        Assertions.assertThat(acknowledge.runs).isEmpty();
    }

    @Test
    void renewedWithoutANewerRevisionIsRefusedAndTheTaskStaysOpen() {
        newerRevisionExists = false;
        ProcessInstance pi = remind();
        String task = steps.openTask(pi, TASK_RENEW).getId();

        Assertions.assertThatThrownBy(() -> taskService.complete(task, decision("RENEWED", "I think it was renewed.")))
                .satisfies(thrown -> Assertions.assertThat(ProcessSteps.causes(thrown))
                        .anyMatch(ConflictException.class::isInstance));

        assertThat(pi).isWaitingAtExactly(TASK_RENEW).hasNotPassed(TASK_CONFIRM, END_RENEWED);
        Assertions.assertThat(steps.openTask(pi, TASK_RENEW).getId()).isEqualTo(task);
    }

    @Test
    void completedAsAcknowledgedTheLapseIsRecorded() {
        ProcessInstance pi = remind();
        taskService.complete(steps.openTask(pi, TASK_RENEW).getId(), decision("ACKNOWLEDGED",
                "The system retires next month; no new model card will be written."));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_RENEW, GATEWAY_OUTCOME, TASK_ACKNOWLEDGE, END_ACKNOWLEDGED)
                .hasNotPassed(TASK_CONFIRM, END_RENEWED);
        Assertions.assertThat(acknowledge.onlyRun()).containsEntry("renewalDecision", "ACKNOWLEDGED")
                .containsEntry("rationale", "The system retires next month; no new model card will be written.")
                .containsEntry("fileName", "model-card.md").containsEntry("systemId", 7L)
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_ACKNOWLEDGE);
        Assertions.assertThat(confirm.runs).isEmpty();
    }

    ProcessInstance start() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("fileId", 41L);
        variables.put("revision", 1);
        variables.put("fileName", "model-card.md");
        variables.put("evidenceKind", "Model card (MODEL_CARD)");
        variables.put("systemId", 7L);
        variables.put("subjectType", "MODEL_VERSION");
        variables.put("subjectId", "12");
        variables.put("attachedTo", "Credit Scoring Model: model version 12");
        variables.put("expiresOn", "2027-04-01");
        variables.put("expiresAt", EXPIRES_AT);
        variables.put("reminderDue", REMINDER_DUE);
        variables.put("uploadedBy", "mia");
        variables.put("contentUrl", "/api/evidence/41/revisions/1/content");
        variables.put("uploadUrl", "/evidence.html?subjectType=MODEL_VERSION&subjectId=12");
        return runtimeService.startProcessInstanceByKey(KEY, BUSINESS_KEY, variables);
    }

    /** Started, and its reminder due: the timer fired, the task is open. */
    ProcessInstance remind() {
        ProcessInstance pi = start();
        Job timer = steps.timerJob(pi, TIMER);
        steps.fire(timer);
        assertThat(pi).isWaitingAtExactly(TASK_RENEW).hasPassedInOrder(START, GATEWAY_WAIT, TIMER)
                .hasNotPassed(RENEWED_EARLY);
        return pi;
    }

    /** What the platform does when a newer revision of the file is stored. */
    void renew() {
        runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(BUSINESS_KEY)
                .setVariable("renewedByRevision", 2).correlateAll();
    }

    static Map<String, Object> decision(String decision, String rationale) {
        return Map.of("renewalDecision", decision, "rationale", rationale);
    }
}
