package io.aimsgate.internalaudit.internal;

import io.aimsgate.raci.TaskActors;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the auditors' tasks of an internal audit ({@code assignment} and {@code complete}): whoever claims or completes
 * one must be independent of the audit's scope, refused like self-approval (403) otherwise; and the fieldwork
 * completes only when every checklist item has been tested.
 */
@Component("auditorIndependenceListener")
class AuditorIndependenceListener implements TaskListener {

    private final InternalAudits audits;

    AuditorIndependenceListener(InternalAudits audits) {
        this.audits = audits;
    }

    @Override
    public void notify(DelegateTask task) {
        Long auditId = InternalAuditVariables.AUDIT_ID.get(task);
        String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
                : TaskActors.actingUser(task);
        if (user == null) {
            return;
        }
        List<String> conflicts = audits.conflictsOf(user, auditId);
        if (!conflicts.isEmpty()) {
            throw new AuditorIndependenceViolation(user, conflicts);
        }
        if (EVENTNAME_COMPLETE.equals(task.getEventName())
                && InternalAudits.FIELDWORK_TASK.equals(task.getTaskDefinitionKey())) {
            audits.requireFieldworkDone(auditId);
        }
    }
}
