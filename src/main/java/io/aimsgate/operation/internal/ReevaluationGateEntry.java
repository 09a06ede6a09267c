package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.shared.Actors;
import io.aimsgate.gate.LifecycleGateEntry;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.operation.MonitoringService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.EngineSystemCalls;
import io.aimsgate.shared.ProcessVariable;
import io.aimsgate.validation.LifecycleProperties;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Entering the re-evaluation gate: a request without a trigger is a manual one; one re-evaluation instance watches a
 * system in operation (its yearly timer, its monitoring breaches), so a second request wakes the waiting watch
 * instead and ends, and while the watch is itself re-assessing a new request is refused (409). A run gets the
 * configured re-evaluation interval unless it brought its own.
 */
@Component
class ReevaluationGateEntry implements LifecycleGateEntry {

    static final String MANUAL = "MANUAL";

    private final InventoryService inventory;
    private final EngineSystemCalls engine;
    private final MonitoringService monitoring;
    private final String reevaluationInterval;

    ReevaluationGateEntry(InventoryService inventory, EngineSystemCalls engine, MonitoringService monitoring,
            LifecycleProperties properties) {
        this.inventory = inventory;
        this.engine = engine;
        this.monitoring = monitoring;
        this.reevaluationInterval = properties.reevaluationInterval();
    }

    @Override
    public LifecycleGateKind kind() {
        return LifecycleGateKind.RE_EVALUATION;
    }

    @Override
    public boolean handOver(DelegateExecution execution, Long systemId) {
        String trigger = ProcessVariable.text(TRIGGER).orNull(execution);
        if (trigger == null) {
            trigger = MANUAL;
            execution.setVariable(TRIGGER, trigger);
        }
        execution.setVariable(HANDED_OVER_TO_WATCH, false);
        if (!hasOtherWatch(execution, systemId)) {
            return false;
        }
        String detail = "Requested by " + Actors.acting(execution) + ": "
                + Objects.requireNonNullElse(GateVariables.TRIGGER_DETAIL.orNull(execution), "");
        if (monitoring.wakeWatch(systemId, trigger, detail)) {
            AiSystem system = inventory.requireSystem(systemId);
            execution.setVariable(SYSTEM_NAME, system.getName());
            execution.setVariable(HANDED_OVER_TO_WATCH, true);
            return true;
        }
        throw new ConflictException("systemId", "AI system " + systemId + " cannot enter the re-evaluation gate now.",
                List.of("A re-evaluation of this system is already re-assessing it; its tasks are open in "
                        + "Tasklist."));
    }

    @Override
    public void opened(DelegateExecution execution) {
        if (execution.getVariable(REEVALUATION_INTERVAL) == null) {
            execution.setVariable(REEVALUATION_INTERVAL, reevaluationInterval);
        }
    }

    private boolean hasOtherWatch(DelegateExecution execution, Long systemId) {
        // Read as the platform: the starter may not be allowed to see the other instance, and must not miss it.
        return engine.withoutUserAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey(LifecycleGateKind.RE_EVALUATION.processKey())
                .variableValueEquals(SYSTEM_ID, systemId).list().stream()
                .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId())));
    }
}
