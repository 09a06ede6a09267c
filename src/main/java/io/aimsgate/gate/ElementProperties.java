package io.aimsgate.gate;

import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads a camunda:property of a BPMN element: the model declares what a generic delegate or listener does there. */
public final class ElementProperties {

    private ElementProperties() {
    }

    public static Optional<String> of(BaseElement element, String name) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
                .findFirst();
    }

    public static String required(BaseElement element, String name) {
        return of(element, name).orElseThrow(() -> new IllegalStateException("BPMN element '"
                + (element == null ? "?" : element.getId()) + "' declares no camunda:property '" + name + "'"));
    }
}
