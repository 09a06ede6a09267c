package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.shared.Actors;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateEntry;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ProcessVariable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * First step of every life-cycle gate, whether started from a Tasklist start form, over REST or by a message:
 * checks the system may enter this gate (409 with reasons otherwise) and opens the gate run. What entering a
 * particular gate takes beyond that comes from the feature owning it ({@link LifecycleGateEntry}).
 */
@Component("openLifecycleGate")
class OpenLifecycleGateDelegate implements JavaDelegate {

    private final LifecycleGateService gates;
    private final InventoryService inventory;
    private final Map<LifecycleGateKind, LifecycleGateEntry> entries = new EnumMap<>(LifecycleGateKind.class);

    OpenLifecycleGateDelegate(LifecycleGateService gates, InventoryService inventory, List<LifecycleGateEntry> entries) {
        this.gates = gates;
        this.inventory = inventory;
        for (LifecycleGateEntry entry : entries) {
            if (this.entries.put(entry.kind(), entry) != null) {
                throw new IllegalStateException("Two entries for the " + entry.kind() + " gate");
            }
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        LifecycleGateKind kind = kindOf(execution);
        Long systemId = GateVariables.SYSTEM_ID.get(execution);
        LifecycleGateEntry entry = entries.get(kind);
        if (entry != null && entry.handOver(execution, systemId)) {
            return;
        }
        LifecycleGate gate = gates.open(execution.getProcessInstanceId(), kind, systemId,
                Actors.acting(execution), ProcessVariable.text(TRIGGER).orNull(execution),
                GateVariables.TRIGGER_DETAIL.orNull(execution));
        AiSystem system = inventory.requireSystem(systemId);
        execution.setVariable(GATE_ID, gate.getId());
        execution.setVariable(SYSTEM_NAME, system.getName());
        execution.setVariable(BUSINESS_OWNER, system.getBusinessOwner());
        execution.setVariable(REVIEW_REJECTED, false);
        if (entry != null) {
            entry.opened(execution);
        }
    }

    static LifecycleGateKind kindOf(DelegateExecution execution) {
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        return LifecycleGateKind.ofProcessKey(key).orElseThrow(() -> new IllegalStateException(
                "Process '" + key + "' is not a life-cycle gate"));
    }
}
