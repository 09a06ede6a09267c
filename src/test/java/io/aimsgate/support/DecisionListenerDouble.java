package io.aimsgate.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Stands in for {@code ${gateDecisionListener}} in process tests: on complete it sets the variables the
 * gateways read as the real listener does ({@code lastDecision}; {@code reviewRejected} on a REJECT) and
 * remembers each decision, so a test walks the model's routing without our tables.
 */
public final class DecisionListenerDouble implements TaskListener {

    public record Completed(String taskKey, String decision, String rationale) {
    }

    public final List<Completed> completed = new ArrayList<>();

    @Override
    public void notify(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String declared = declaredDecisions(task);
        Object decision = task.getVariableLocal("decision") != null ? task.getVariableLocal("decision")
                : task.getVariable("decision");
        String value = "SUBMIT".equals(declared) ? "SUBMIT" : String.valueOf(decision);
        if (!"SUBMIT".equals(value) && !List.of(declared.split(",")).contains(value)) {
            throw new IllegalArgumentException("decision must be one of " + declared + ", was " + value);
        }
        task.getExecution().setVariable("lastDecision", value);
        if ("REJECT".equals(value)) {
            task.getExecution().setVariable("reviewRejected", true);
        }
        Object rationale = task.getVariable("rationale");
        completed.add(new Completed(task.getTaskDefinitionKey(), value, rationale == null ? null : rationale.toString()));
    }

    private static String declaredDecisions(DelegateTask task) {
        for (CamundaProperty property : task.getBpmnModelElementInstance().getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties()) {
            if ("decisions".equals(property.getCamundaName())) {
                return property.getCamundaValue();
            }
        }
        return "APPROVE,REJECT";
    }
}
