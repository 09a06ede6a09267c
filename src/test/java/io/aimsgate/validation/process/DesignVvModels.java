package io.aimsgate.validation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the design &amp; development and V&amp;V models and their Camunda Forms from the classpath (processes/ and
 * forms/ ship there) for the checks the process tests cannot make by running them: the contract's ids, beans
 * and RACI declarations, and that every form the models bind exists and carries the fields they rely on.
 */
final class DesignVvModels {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a gateway condition may be: a variable, its negation, or a variable compared with a constant. */
    static final Pattern READS_ONLY_VARIABLES = Pattern.compile("^\\$\\{(!?[A-Za-z]\\w*|[A-Za-z]\\w* == '[A-Z_]+')}$");

    /** Listeners every life-cycle user task declares, as "event delegateExpression". */
    static final List<String> GATE_TASK_LISTENERS = List.of("create ${raciTaskListener}",
            "assignment ${lifecycleDecisionListener}", "complete ${lifecycleDecisionListener}");

    private DesignVvModels() {
    }

    static BpmnModelInstance model(String key) throws IOException {
        try (InputStream in = new ClassPathResource("processes/" + key + ".bpmn").getInputStream()) {
            return Bpmn.readModelFromStream(in);
        }
    }

    static JsonNode form(String id) throws IOException {
        ClassPathResource resource = new ClassPathResource("forms/" + id + ".form");
        assertThat(resource.exists()).as("forms/%s.form exists", id).isTrue();
        try (InputStream in = resource.getInputStream()) {
            JsonNode form = JSON.readTree(in);
            assertThat(form.path("id").asText()).as("id of forms/%s.form", id).isEqualTo(id);
            return form;
        }
    }

    static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false).toList();
    }

    static JsonNode field(JsonNode form, String key) {
        return components(form).stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in form " + form.get("id")));
    }

    static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    /** Extension properties of an element, by name. */
    static Map<String, String> properties(BaseElement element) {
        Map<String, String> properties = new TreeMap<>();
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions != null) {
            extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return properties;
    }

    static List<String> taskListeners(UserTask task) {
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .map(l -> l.getCamundaEvent() + " " + l.getCamundaDelegateExpression()).toList();
    }

    /** Service task id -> delegate expression. */
    static Map<String, String> delegates(BpmnModelInstance model) {
        Map<String, String> delegates = new TreeMap<>();
        model.getModelElementsByType(ServiceTask.class)
                .forEach(t -> delegates.put(t.getId(), t.getCamundaDelegateExpression()));
        return delegates;
    }

    /** Element id -> form id of every user task and start event, each bound to its deployment. */
    static Map<String, String> formRefs(BpmnModelInstance model) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertThat(start.getCamundaFormRefBinding()).as("form binding of %s", start.getId())
                    .isEqualTo("deployment");
            refs.put(start.getId(), start.getCamundaFormRef());
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId())
                    .isEqualTo("deployment");
            refs.put(task.getId(), task.getCamundaFormRef());
        }
        return refs;
    }

    /**
     * The house rules of a gate model: executable, two years of history, every node named and laid out, every
     * flow laid out, every decision flow named with a condition that only reads variables.
     */
    static void assertHouseRules(BpmnModelInstance model, String key, String starterGroups) {
        Process process = model.getModelElementById(key);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("730");
        assertThat(process.getCamundaCandidateStarterGroups()).isEqualTo(starterGroups);
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            assertThat(start.getCamundaInitiator()).as("initiator of %s", start.getId()).isEqualTo("initiator");
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(node.getDiagramElement()).as("diagram shape of %s", node.getId()).isNotNull();
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getDiagramElement()).as("diagram edge of %s", flow.getId()).isNotNull();
            if (flow.getConditionExpression() != null) {
                assertThat(flow.getConditionExpression().getTextContent()).as("condition of %s", flow.getId())
                        .matches(READS_ONLY_VARIABLES);
            }
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() > 1 && !(gateway instanceof ParallelGateway)) {
                for (SequenceFlow out : gateway.getOutgoing()) {
                    assertThat(out.getName()).as("name of %s", out.getId()).isNotBlank();
                    assertThat(out.getConditionExpression()).as("condition of %s", out.getId()).isNotNull();
                }
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(taskListeners(task)).as("listeners of %s", task.getId())
                    .containsExactlyElementsOf(GATE_TASK_LISTENERS);
        }
    }

    /** A decision form: radio {@code decision} offering exactly these values, required; rationale 10-4000. */
    static void assertDecisionForm(JsonNode form, List<String> decisions) {
        JsonNode decision = field(form, "decision");
        assertThat(decision.get("type").asText()).as("type of decision in %s", form.get("id")).isEqualTo("radio");
        assertThat(values(decision)).as("decisions offered by %s", form.get("id")).containsExactlyElementsOf(decisions);
        assertThat(decision.path("validate").path("required").asBoolean()).as("decision required").isTrue();
        assertRequiredText(form, "rationale", "textarea", 10, 4000);
    }

    static void assertRequiredText(JsonNode form, String key, String type, int minLength, int maxLength) {
        JsonNode field = field(form, key);
        assertThat(field.get("type").asText()).as("type of %s", key).isEqualTo(type);
        assertThat(field.path("disabled").asBoolean()).as("%s editable", key).isFalse();
        JsonNode validate = field.path("validate");
        assertThat(validate.path("required").asBoolean()).as("%s required", key).isTrue();
        assertThat(validate.path("minLength").asInt(0)).as("minLength of %s", key).isEqualTo(minLength);
        assertThat(validate.path("maxLength").asInt()).as("maxLength of %s", key).isEqualTo(maxLength);
    }

    /** A read-only field showing a process variable. */
    static void assertReadOnly(JsonNode form, String key, String type) {
        JsonNode field = field(form, key);
        assertThat(field.get("type").asText()).as("type of %s", key).isEqualTo(type);
        assertThat(field.path("disabled").asBoolean()).as("%s read-only", key).isTrue();
    }

    static List<String> readOnlyKeys(JsonNode form) {
        return components(form).stream().filter(c -> c.has("key") && c.path("disabled").asBoolean())
                .map(c -> c.get("key").asText()).toList();
    }

    /** Camunda 7.24 form, unique ids and keys, every field labelled, every editable text field length-bounded. */
    static void assertWellFormed(JsonNode form) {
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(form)) {
            assertThat(component.path("id").asText()).as("id of a component of %s", form.get("id")).isNotBlank();
            assertThat(ids.add(component.get("id").asText())).as("unique id %s", component.get("id")).isTrue();
            assertThat(component.path("layout").path("row").asText()).as("row of %s", component.get("id"))
                    .isNotBlank();
            if (component.has("key")) {
                String key = component.get("key").asText();
                assertThat(keys.add(key)).as("unique key %s", key).isTrue();
                assertThat(component.path("label").asText()).as("label of %s", key).isNotBlank();
                boolean editable = !component.path("disabled").asBoolean();
                if (editable && List.of("textfield", "textarea").contains(component.get("type").asText())) {
                    assertThat(component.path("validate").path("maxLength").asInt()).as("maxLength of %s", key)
                            .isPositive();
                }
                if (editable && "number".equals(component.get("type").asText())) {
                    assertThat(component.path("validate").has("min")).as("min of %s", key).isTrue();
                }
            }
        }
    }
}
