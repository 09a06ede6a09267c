package io.aimsgate.supplier.internal;

import static io.aimsgate.gate.LifecycleDecisions.SYSTEM_ID;

import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.LifecycleGateEntry;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.PlatformEngineAccess;
import io.aimsgate.shared.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Entering the supplier-assessment gate: only a third-party system has a supplier to vet (409 otherwise). One instance
 * per system waits for the re-assessment timer; a new assessment started by hand supersedes it, so the instance
 * waiting at the timer ends (with the reason in history) and one timer is left. A run carries the supplier's name and
 * the configured re-assessment interval.
 */
@Component
class SupplierGateEntry implements LifecycleGateEntry {

    static final String TIMER = "timer_reassessment_due";
    static final ProcessVariable<String> SUPPLIER_NAME = ProcessVariable.text("supplierName");
    static final ProcessVariable<String> REASSESSMENT_INTERVAL = ProcessVariable.text("reassessmentInterval");

    private final InventoryService inventory;
    private final SupplierAssessments assessments;
    private final PlatformEngineAccess engine;

    SupplierGateEntry(InventoryService inventory, SupplierAssessments assessments, PlatformEngineAccess engine) {
        this.inventory = inventory;
        this.assessments = assessments;
        this.engine = engine;
    }

    @Override
    public GateKind kind() {
        return GateKind.SUPPLIER_ASSESSMENT;
    }

    @Override
    public boolean handOver(DelegateExecution execution, Long systemId) {
        AiSystem system = inventory.requireSystem(systemId);
        if (system.getSupplierType() != SupplierType.THIRD_PARTY) {
            throw new ConflictException("systemId", "AI system " + systemId + " cannot enter the supplier assessment "
                    + "gate.", List.of("The system is built in house (supplier type " + system.getSupplierType()
                    + "); only a third-party system or component has a supplier to assess."));
        }
        String reason = "Superseded by the supplier assessment " + Actors.acting(execution) + " started (instance "
                + execution.getProcessInstanceId() + ")";
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        // As the platform: the starter may not see (or be allowed to end) the waiting instance. It has no open run.
        engine.withoutUserAuthorization(() -> {
            runtime.createProcessInstanceQuery().processDefinitionKey(GateKind.SUPPLIER_ASSESSMENT.processKey())
                    .variableValueEquals(SYSTEM_ID, systemId).activityIdIn(TIMER).list().stream()
                    .filter(waiting -> !waiting.getId().equals(execution.getProcessInstanceId()))
                    .forEach(waiting -> runtime.deleteProcessInstance(waiting.getId(), reason));
            return null;
        });
        return false;
    }

    @Override
    public void opened(DelegateExecution execution) {
        Long systemId = io.aimsgate.gate.GateVariables.SYSTEM_ID.get(execution);
        SUPPLIER_NAME.set(execution, inventory.requireSystem(systemId).getSupplierName());
        REASSESSMENT_INTERVAL.set(execution, assessments.reassessmentInterval());
    }
}
