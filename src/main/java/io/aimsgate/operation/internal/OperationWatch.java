package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.DeploymentApproved;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.EngineSystemCalls;
import io.aimsgate.validation.LifecycleProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A system whose version is approved for deployment enters operation: unless it is already watched, its
 * re-evaluation instance starts (message {@code OperationStarted}) and waits for the yearly timer or a monitoring
 * breach. So every system in operation has exactly one yearly re-evaluation, whoever approved it, however many
 * approvals run at once (the unique row in {@code reevaluation_watch}, {@link ReevaluationWatches}).
 * <p>
 * It runs after the approval's transaction has committed, in a transaction of its own: the approval is one short
 * transaction and stands even when starting the watch fails. The event is stored with the approval (Spring
 * Modulith's event publication registry, table {@code event_publication}) and marked complete when this listener
 * succeeded; an incomplete one is delivered again at the next start, so no approved system stays unwatched.
 */
@Component
class OperationWatch {

    private final RuntimeService runtimeService;
    private final InventoryService inventory;
    private final LifecycleProperties properties;
    private final EngineSystemCalls engine;
    private final ReevaluationWatches watches;

    OperationWatch(RuntimeService runtimeService, InventoryService inventory, LifecycleProperties properties,
            EngineSystemCalls engine, ReevaluationWatches watches) {
        this.watches = watches;
        this.runtimeService = runtimeService;
        this.inventory = inventory;
        this.properties = properties;
        this.engine = engine;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void deploymentApproved(DeploymentApproved approved) {
        AiSystem system = inventory.requireSystem(approved.systemId());
        // The platform starts the watch, not the approver: a board member may approve without starting processes.
        engine.withoutUserAuthorization(() -> {
            // The primary key of reevaluation_watch, not this query, makes it one watch per system: of concurrent
            // approvals one claims the row and starts the watch, the others find it taken (ReevaluationWatches).
            watches.startUnlessWatched(system.getId(), () -> runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(LifecycleGateKind.RE_EVALUATION.processKey())
                    .variableValueEquals(SYSTEM_ID, system.getId()).count() > 0,
                    () -> runtimeService.createMessageCorrelation(MESSAGE_OPERATION_STARTED)
                            .setVariables(Variables.createVariables().putValue(SYSTEM_ID, system.getId())
                                    .putValue(SYSTEM_NAME, system.getName())
                                    .putValue(BUSINESS_OWNER, system.getBusinessOwner())
                                    .putValue(REEVALUATION_INTERVAL, properties.reevaluationInterval())
                                    .putValue(REVIEW_REJECTED, false))
                            .correlateStartMessage().getId());
            return null;
        });
    }
}
