package io.aimsgate.datagovernance.internal;

import io.aimsgate.gate.GateVariables;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.datagovernance.DatasetService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the system's dataset register now: the gate waits for the Responsible while it is incomplete. */
@Component("checkDatasetRegister")
class CheckDatasetRegisterDelegate implements JavaDelegate {

    static final String BLOCKED = "datasetsBlocked";
    static final String REASONS = "datasetBlockingReasons";
    static final String PERSONAL_DATA = "personalDataPresent";
    static final String COUNT = "datasetCount";

    private final DatasetService datasets;

    CheckDatasetRegisterDelegate(DatasetService datasets) {
        this.datasets = datasets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DatasetService.RegisterCheck check = datasets.check(GateVariables.SYSTEM_ID.get(execution));
        execution.setVariable(BLOCKED, check.blocked());
        execution.setVariable(REASONS, String.join("\n", check.blockingReasons()));
        execution.setVariable(PERSONAL_DATA, check.personalDataPresent());
        execution.setVariable(COUNT, (long) check.datasetCount());
    }
}
