package io.aimsgate.audit.internal;

import io.aimsgate.audit.DecisionLedger;
import io.aimsgate.audit.LedgerRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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

    @Override
    public void handleEvent(HistoryEvent event) {
        handleEvents(List.of(event));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            if (event instanceof UserOperationLogEntryEventEntity entry && ENTITY_TYPES.contains(entry.getEntityType())) {
                operations.computeIfAbsent(entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
                        id -> new ArrayList<>()).add(entry);
            }
        }
        operations.values().forEach(this::append);
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
