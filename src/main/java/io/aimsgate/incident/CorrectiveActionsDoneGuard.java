package io.aimsgate.incident;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Complete corrective actions" can only be completed when every corrective action is DONE. */
@Component("correctiveActionsDoneGuard")
class CorrectiveActionsDoneGuard implements TaskListener {

    private final CorrectiveActionService corrective;

    CorrectiveActionsDoneGuard(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Override
    public void notify(DelegateTask task) {
        CorrectiveCase correctiveCase = CorrectiveCases.of(task, task.getProcessInstanceId(), corrective);
        long open = corrective.openActions(correctiveCase);
        if (open > 0) {
            throw new BadUserRequestException(open + " corrective action(s) are not DONE yet; mark them DONE first");
        }
    }
}
