package io.aimsgate.lifecycle;

import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateKind;
import static io.aimsgate.lifecycle.LifecycleDecisions.*;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * First step of every life-cycle gate, whether started from a Tasklist start form, over REST or by a message:
 * checks the system may enter this gate (409 with reasons otherwise) and opens the gate run.
 */
@Component("openLifecycleGate")
class OpenLifecycleGateDelegate implements JavaDelegate {

    private final LifecycleGateService gates;
    private final InventoryService inventory;
    private final String reevaluationInterval;
    private final io.aimsgate.shared.PlatformEngineAccess engine;
    private final MonitoringService monitoring;

    OpenLifecycleGateDelegate(LifecycleGateService gates, InventoryService inventory,
            LifecycleProperties properties, io.aimsgate.shared.PlatformEngineAccess engine, MonitoringService monitoring) {
        this.engine = engine;
        this.monitoring = monitoring;
        this.gates = gates;
        this.inventory = inventory;
        this.reevaluationInterval = properties.reevaluationInterval();
    }

    @Override
    public void execute(DelegateExecution execution) {
        GateKind kind = kindOf(execution);
        Long systemId = ProcessVariables.requiredLong(execution, SYSTEM_ID);
        String trigger = ProcessVariables.optionalString(execution, TRIGGER);
        if (kind == GateKind.RE_EVALUATION && trigger == null) {
            trigger = "MANUAL";
            execution.setVariable(TRIGGER, trigger);
        }
        if (kind == GateKind.RE_EVALUATION) {
            execution.setVariable(HANDED_OVER_TO_WATCH, false);
            if (hasOtherWatch(execution, systemId)) {
                handOverOrRefuse(execution, systemId, trigger);
                return;
            }
        }
        GateRun gate = gates.open(execution.getProcessInstanceId(), kind, systemId,
                GateActors.actingUser(execution), trigger, ProcessVariables.optionalString(execution, TRIGGER_DETAIL));
        AiSystem system = inventory.requireSystem(systemId);
        execution.setVariable(GATE_ID, gate.getId());
        execution.setVariable(SYSTEM_NAME, system.getName());
        execution.setVariable(BUSINESS_OWNER, system.getBusinessOwner());
        execution.setVariable(REVIEW_REJECTED, false);
        if (kind == GateKind.RE_EVALUATION && execution.getVariable(REEVALUATION_INTERVAL) == null) {
            execution.setVariable(REEVALUATION_INTERVAL, reevaluationInterval);
        }
    }

    /**
     * One re-evaluation instance watches a system in operation (its yearly timer, its monitoring breaches); a second
     * would double every yearly review. A manual request wakes the waiting one instead and this instance ends; while
     * the watch is itself re-assessing, a new request is refused (409).
     */
    private boolean hasOtherWatch(DelegateExecution execution, Long systemId) {
        // Read as the platform: the starter may not be allowed to see the other instance, and must not miss it.
        return engine.withoutUserAuthorization(() -> execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceQuery().processDefinitionKey(GateKind.RE_EVALUATION.processKey())
                .variableValueEquals(SYSTEM_ID, systemId).list().stream()
                .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId())));
    }

    private void handOverOrRefuse(DelegateExecution execution, Long systemId, String trigger) {
        String detail = "Requested by " + GateActors.actingUser(execution) + ": "
                + java.util.Objects.requireNonNullElse(ProcessVariables.optionalString(execution, TRIGGER_DETAIL), "");
        if (monitoring.wakeWatch(systemId, trigger, detail)) {
            AiSystem system = inventory.requireSystem(systemId);
            execution.setVariable(SYSTEM_NAME, system.getName());
            execution.setVariable(HANDED_OVER_TO_WATCH, true);
            return;
        }
        throw new ConflictException("systemId", "AI system " + systemId + " cannot enter the re-evaluation gate now.",
                java.util.List.of("A re-evaluation of this system is already re-assessing it; its tasks are open in "
                        + "Tasklist."));
    }

    static GateKind kindOf(DelegateExecution execution) {
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        // The deployment gate opens its runs when a request is registered (registerDeploymentRequest).
        return GateKind.ofProcessKey(key).filter(kind -> kind != GateKind.DEPLOYMENT)
                .orElseThrow(() -> new IllegalStateException("Process '" + key + "' is not a life-cycle gate"));
    }
}
