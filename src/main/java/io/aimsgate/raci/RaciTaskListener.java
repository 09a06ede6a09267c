package io.aimsgate.raci;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation, turns the task's declared RACI role into candidate groups from the configured
 * matrix. One listener for every gate, so changing who reviews is configuration, not BPMN.
 */
@Component("raciTaskListener")
public class RaciTaskListener implements TaskListener {

    private final RaciMatrix matrix;

    public RaciTaskListener(RaciMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    public void notify(DelegateTask task) {
        RaciDeclaration declaration = RaciDeclaration.of(task);
        task.addCandidateGroups(matrix.groupsFor(declaration.activity(), declaration.role()));
    }
}
