package io.aimsgate.gate;

import io.aimsgate.raci.GateRuns;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The life-cycle gates' runs for the engine guard and the consistency check: a run IN_PROGRESS is open. */
@Component
@Transactional(readOnly = true)
class LifecycleGateRuns implements GateRuns {

    private final LifecycleGateRepository gates;
    private final LifecycleGateService service;

    LifecycleGateRuns(LifecycleGateRepository gates, LifecycleGateService service) {
        this.gates = gates;
        this.service = service;
    }

    @Override
    public boolean runs(String processDefinitionKey) {
        return LifecycleGateKind.ofProcessKey(processDefinitionKey).isPresent();
    }

    @Override
    public Optional<OpenRun> openRun(String processInstanceId) {
        return gates.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId,
                LifecycleGateStatus.IN_PROGRESS).map(LifecycleGateRuns::view);
    }

    @Override
    public List<OpenRun> openRuns() {
        return gates.findByStatusOrderById(LifecycleGateStatus.IN_PROGRESS).stream().map(LifecycleGateRuns::view)
                .toList();
    }

    @Override
    public java.util.Set<String> excludedDeciders(String processInstanceId) {
        return service.openRunOf(processInstanceId).map(run -> service.excludedDeciders(run.getId()))
                .orElse(java.util.Set.of());
    }

    private static OpenRun view(LifecycleGate gate) {
        return new OpenRun(gate.getGate().name(), gate.getId(), gate.getProcessInstanceId(), gate.getSystemId(),
                "the " + LifecycleGateService.label(gate.getGate()) + " gate run " + gate.getId());
    }
}
