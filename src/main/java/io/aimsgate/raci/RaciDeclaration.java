package io.aimsgate.raci;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The RACI activity and role a user task declares in its BPMN extension properties
 * ({@code raciActivity}, {@code raciRole}), so the model says who works the task.
 */
public record RaciDeclaration(String activity, RaciRole role) {

    public static final String ACTIVITY_PROPERTY = "raciActivity";
    public static final String ROLE_PROPERTY = "raciRole";

    public static RaciDeclaration of(DelegateTask task) {
        return find(task.getBpmnModelElementInstance()).orElseThrow(() -> new IllegalStateException("User task '"
                + task.getTaskDefinitionKey() + "' declares no raciActivity/raciRole extension properties"));
    }

    /** The declaration of a user task in the model, if it has one: only governed tasks declare a RACI role. */
    public static java.util.Optional<RaciDeclaration> find(UserTask userTask) {
        String activity = null;
        String role = null;
        ExtensionElements extensions = userTask == null ? null : userTask.getExtensionElements();
        if (extensions != null) {
            Collection<CamundaProperty> properties = extensions.getElementsQuery()
                    .filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream()).toList();
            for (CamundaProperty property : properties) {
                if (ACTIVITY_PROPERTY.equals(property.getCamundaName())) {
                    activity = property.getCamundaValue();
                } else if (ROLE_PROPERTY.equals(property.getCamundaName())) {
                    role = property.getCamundaValue();
                }
            }
        }
        if (activity == null || role == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RaciDeclaration(activity, RaciRole.valueOf(role)));
    }
}
