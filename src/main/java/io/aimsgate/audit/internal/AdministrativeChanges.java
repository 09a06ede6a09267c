package io.aimsgate.audit.internal;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Administrative changes into the decision ledger, from the one place the engine reports them: its user operation
 * log. Every creation, change or deletion of a user, group, group or tenant membership, authorisation or deployment
 * (BPMN/DMN) made by an authenticated user, through the Admin webapp, the engine REST API or the Java API, is
 * appended in the engine command's transaction (one entry per operation, its changed properties in the snapshot).
 */
@Component
class AdministrativeChanges extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    static final Set<String> ENTITY_TYPES = Set.of(EntityTypes.USER, EntityTypes.GROUP, EntityTypes.GROUP_MEMBERSHIP,
            EntityTypes.TENANT, EntityTypes.TENANT_MEMBERSHIP, EntityTypes.AUTHORIZATION, EntityTypes.DEPLOYMENT);

    private final ObjectProvider<DecisionLedger> ledger;
    private final Map<CommandContext, Map<String, List<UserOperationLogEntryEventEntity>>> pending =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    AdministrativeChanges(ObjectProvider<DecisionLedger> ledger) {
        this.ledger = ledger;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(this);
    }

    /**
     * The engine hands over the entries of an operation one by one (one per changed property); they are gathered per
     * command and appended, one ledger entry per operation, when the command closes: still inside its transaction.
     */
    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof UserOperationLogEntryEventEntity entry) || !ENTITY_TYPES.contains(entry.getEntityType())) {
            return;
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            append(List.of(entry));
            return;
        }
        Map<String, List<UserOperationLogEntryEventEntity>> operations = pending.computeIfAbsent(command, context -> {
            context.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext closing) {
                    Map<String, List<UserOperationLogEntryEventEntity>> gathered = pending.remove(closing);
                    if (gathered != null) {
                        gathered.values().forEach(AdministrativeChanges.this::append);
                    }
                }

                @Override
                public void onCommandFailed(CommandContext failed, Throwable cause) {
                    pending.remove(failed);
                }
            });
            return new LinkedHashMap<>();
        });
        operations.computeIfAbsent(entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
                id -> new ArrayList<>()).add(entry);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void append(List<UserOperationLogEntryEventEntity> entries) {
        UserOperationLogEntryEventEntity first = entries.get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (UserOperationLogEntryEventEntity entry : entries) {
            if (entry.getProperty() != null) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", entry.getOrgValue());
                change.put("to", entry.getNewValue());
                properties.put(entry.getProperty(), change);
            }
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("operation", first.getOperationType());
        snapshot.put("entityType", first.getEntityType());
        snapshot.put("category", first.getCategory());
        snapshot.put("deploymentId", first.getDeploymentId());
        snapshot.put("properties", properties);
        String kind = "ADMIN_" + (first.getEntityType() + "_" + first.getOperationType()).toUpperCase()
                .replaceAll("[^A-Z0-9]+", "_");
        ledger.getObject().append(new LedgerRecord(kind, "ADMINISTRATION", first.getEntityType().toUpperCase()
                .replaceAll("[^A-Z0-9]+", "_"), subjectOf(first, properties), null, null, first.getProcessInstanceId(),
                first.getTaskId(), snapshot));
    }

    private static String subjectOf(UserOperationLogEntryEventEntity entry, Map<String, Object> properties) {
        if (entry.getDeploymentId() != null) {
            return entry.getDeploymentId();
        }
        for (String key : List.of("userId", "groupId", "tenantId", "resourceId", "name")) {
            if (properties.get(key) instanceof Map<?, ?> change) {
                Object value = change.get("to") != null ? change.get("to") : change.get("from");
                if (value != null) {
                    return value.toString();
                }
            }
        }
        return entry.getOperationId() == null ? "-" : entry.getOperationId();
    }
}
