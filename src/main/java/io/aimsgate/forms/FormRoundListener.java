package io.aimsgate.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The engine half of a form contract, on every user task with a form (added as a built-in listener, so it runs
 * before the model's own listeners and cannot be skipped):
 * <ul>
 *   <li>create: the form's editable fields are removed from the process, so a task never starts with what a
 *       previous round (a loop back after "not effective") or another task left under the same names: its form
 *       opens empty, and only this round's submission can fill it;</li>
 *   <li>complete: the values the task now sees for its editable fields must satisfy the form (required fields,
 *       types, declared values, lengths). This covers completions through the Java API as well; the REST and
 *       webapp paths are checked before the engine runs by {@link EngineFormContractFilter} with the same rules.</li>
 * </ul>
 */
final class FormRoundListener implements TaskListener {

    private final FormContracts contracts;

    FormRoundListener(FormContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        FormContract contract = Context.getCommandContext().runWithoutAuthorization(
                () -> contracts.forUserTask(Context.getProcessEngineConfiguration().getRepositoryService(),
                        task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
        if (!contract.resolved()) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new BadUserRequestException(contract.unresolved() + ": the task takes no submission");
            }
            return;
        }
        if (contract.keys().isEmpty()) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            startBlank(task.getExecution(), contract);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Map<String, Object> values = new HashMap<>();
            for (String key : contract.keys()) {
                values.put(key, task.getVariable(key));
            }
            List<FormContract.Violation> violations = contract.check(values);
            if (!violations.isEmpty()) {
                throw new BadUserRequestException(violations.stream().map(FormContract.Violation::message)
                        .collect(Collectors.joining("; ")));
            }
        }
    }

    private static void startBlank(DelegateExecution execution, FormContract contract) {
        if (execution == null) {
            return;
        }
        for (String key : contract.keys()) {
            // Every scope up to the process instance: a value may sit in a sub-process scope and in the instance.
            int scopes = 0;
            while (execution.hasVariable(key) && scopes++ < 64) {
                execution.removeVariable(key);
            }
        }
    }
}
