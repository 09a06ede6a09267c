package io.aimsgate.incident.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.RaciMatrix;
import io.aimsgate.raci.RaciProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The incident, corrective-action and nonconformity models against their forms, the RACI matrix of
 * application.yml and the delegate beans they call: what the process tests cannot see because they deploy the
 * models with test doubles.
 */
class IncidentModelsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The service-task beans each model calls, i.e. the @Component names the incident package must provide. */
    static final Map<String, Set<String>> DELEGATES = Map.of(
            "incident-escalation", Set.of("${registerIncident}", "${applyIncidentClassification}",
                    "${suspendAffectedVersions}", "${notifyGovernanceBoard}", "${recordContainment}",
                    "${recordRegulatorNotification}", "${checkResumption}", "${resumeSuspendedVersions}",
                    "${closeIncident}"),
            "corrective-action", Set.of("${recordCorrection}", "${recordRootCause}",
                    "${registerCorrectiveActions}", "${recordEffectivenessCheck}", "${closeCorrectiveAction}"),
            "nonconformity", Set.of("${registerNonconformity}", "${closeNonconformity}"));

    static BpmnModelInstance model(String name) throws IOException {
        try (InputStream in = new ClassPathResource("processes/" + name + ".bpmn").getInputStream()) {
            return Bpmn.readModelFromStream(in);
        }
    }

    static JsonNode form(String id) throws IOException {
        ClassPathResource resource = new ClassPathResource("forms/" + id + ".form");
        assertThat(resource.exists()).as("forms/%s.form", id).isTrue();
        try (InputStream in = resource.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    static Map<String, String> properties(UserTask task) {
        Map<String, String> properties = new HashMap<>();
        task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        return properties;
    }

    static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false).toList();
    }

    static JsonNode field(JsonNode form, String key) {
        return components(form).stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in form " + form.get("id")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-escalation", "corrective-action", "nonconformity"})
    void everyModelIsExecutableNamedLaidOutAndKeepsHistoryForTwoYears(String name) throws IOException {
        BpmnModelInstance model = model(name);
        Process process = model.getModelElementById(name);

        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("730");
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(node.getDiagramElement()).as("diagram shape of %s", node.getId()).isNotNull();
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getDiagramElement()).as("diagram edge of %s", flow.getId()).isNotNull();
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            if (gateway.getOutgoing().size() > 1 && !(gateway instanceof ParallelGateway)) {
                for (SequenceFlow out : gateway.getOutgoing()) {
                    assertThat(out.getName()).as("name of %s", out.getId()).isNotBlank();
                    assertThat(out.getConditionExpression()).as("condition of %s", out.getId()).isNotNull();
                }
            }
        }
        assertThat(model.getModelElementsByType(ServiceTask.class)).extracting(ServiceTask::getCamundaDelegateExpression)
                .containsExactlyInAnyOrderElementsOf(DELEGATES.get(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-escalation", "corrective-action", "nonconformity"})
    void everyFormTheModelBindsIsDeployedWithItAndCarriesThatId(String name) throws IOException {
        BpmnModelInstance model = model(name);
        List<String> refs = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("deployment");
            refs.add(task.getCamundaFormRef());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
                refs.add(start.getCamundaFormRef());
            }
        }
        for (String ref : refs) {
            assertThat(ref).as("form ref").isNotBlank();
            assertThat(form(ref).get("id").asText()).isEqualTo(ref);
        }
    }

    @Test
    void everyUserTaskDeclaresItsRaciRoleAndGetsCandidateGroupsOnCreation() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (String name : List.of("incident-escalation", "corrective-action", "nonconformity")) {
            for (UserTask task : model(name).getModelElementsByType(UserTask.class)) {
                Map<String, String> properties = properties(task);
                String activity = properties.get(RaciDeclaration.ACTIVITY_PROPERTY);
                assertThat(IncidentRaci.DECLARED).as("RACI activity of %s", task.getId()).containsKey(activity);
                assertThat(properties.get(RaciDeclaration.ROLE_PROPERTY)).as("RACI role of %s", task.getId())
                        .isEqualTo(IncidentRaci.DECLARED.get(activity).role().name());
                List<CamundaTaskListener> listeners = task.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaTaskListener.class).list();
                assertThat(listeners).as("listeners of %s", task.getId())
                        .anySatisfy(l -> {
                            assertThat(l.getCamundaEvent()).isEqualTo("create");
                            assertThat(l.getCamundaDelegateExpression()).isEqualTo("${raciTaskListener}");
                        });
                declared.add(activity);
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(IncidentRaci.DECLARED.keySet());
    }

    /** The matrix the application runs with resolves every role the models declare to the intended group. */
    @Test
    void applicationYmlResolvesEveryDeclaredRoleToItsGroup() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        sources.forEach(environment.getPropertySources()::addLast);
        RaciMatrix application = new RaciMatrix(new Binder(ConfigurationPropertySources.get(environment))
                .bind("aims.raci", RaciProperties.class).get());

        IncidentRaci.DECLARED.forEach((activity, declared) -> {
            assertThat(application.groupsFor(activity, declared.role())).as("%s %s", activity, declared.role())
                    .containsExactly(declared.group());
            assertThat(IncidentRaci.matrix().groupsFor(activity, declared.role())).containsExactly(declared.group());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident-report", "incident-containment", "incident-board-escalation",
            "incident-regulator-notification", "incident-resumption-decision", "incident-closure",
            "corrective-correction", "corrective-root-cause", "corrective-plan", "corrective-tracking",
            "corrective-effectiveness", "corrective-closure", "nonconformity-report"})
    void everyFormIsACamunda7FormWithLabelledUniquelyIdentifiedFields(String id) throws IOException {
        JsonNode form = form(id);
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(form)) {
            assertThat(ids.add(component.get("id").asText())).as("unique id %s", component.get("id")).isTrue();
            if (component.has("key")) {
                assertThat(keys.add(component.get("key").asText())).as("unique key %s", component.get("key"))
                        .isTrue();
                assertThat(component.path("label").asText()).as("label of %s", component.get("key")).isNotBlank();
                JsonNode validate = component.path("validate");
                if (List.of("textfield", "textarea").contains(component.get("type").asText())
                        && !component.path("disabled").asBoolean()) {
                    assertThat(validate.path("maxLength").asInt()).as("maxLength of %s", component.get("key"))
                            .isPositive();
                }
            }
        }
    }

    @Test
    void theGatewaysGetTheValuesTheyTestFromTheForms() throws IOException {
        assertThat(field(form("incident-resumption-decision"), "resumptionDecision").get("values"))
                .extracting(v -> v.get("value").asText()).containsExactly("RESUME", "KEEP_SUSPENDED");
        JsonNode effective = field(form("corrective-effectiveness"), "effective");
        assertThat(effective.get("type").asText()).isEqualTo("radio");
        assertThat(effective.get("values")).extracting(v -> v.get("value")).allSatisfy(v -> assertThat(v.isBoolean())
                .as("a real boolean for ${effective}").isTrue());
        assertThat(effective.get("values")).extracting(v -> v.get("value").asBoolean()).containsExactly(true, false);
        assertThat(effective.path("validate").path("required").asBoolean()).isTrue();
        JsonNode contained = field(form("incident-containment"), "contained");
        assertThat(contained.get("type").asText()).isEqualTo("checkbox");
        assertThat(contained.path("validate").path("required").asBoolean()).as("must be ticked").isTrue();
    }

    @Test
    void theReportFormOffersExactlyTheIncidentTypesAndHarmsTheDecisionReads() throws IOException {
        DmnModelInstance dmn;
        try (InputStream in = new ClassPathResource("processes/incident-severity.dmn").getInputStream()) {
            dmn = Dmn.readModelFromStream(in);
        }
        Map<String, Input> inputs = dmn.getModelElementsByType(Input.class).stream()
                .collect(Collectors.toMap(i -> i.getInputExpression().getText().getTextContent(), i -> i));
        List<String> dmnTypes = List.of(inputs.get("type").getInputValues().getText().getTextContent()
                .replace("\"", "").split(","));
        JsonNode report = form("incident-report");

        assertThat(field(report, "type").get("values")).extracting(v -> v.get("value").asText())
                .containsExactlyElementsOf(dmnTypes);
        for (String harm : IncidentSeverityDmnTest.HARMS) {
            assertThat(inputs).containsKey(harm);
            assertThat(field(report, harm).get("type").asText()).as("type of %s", harm).isEqualTo("checkbox");
        }
        assertThat(components(report).stream().filter(c -> "checkbox".equals(c.path("type").asText())).count())
                .isEqualTo(IncidentSeverityDmnTest.HARMS.size());
    }

    @Test
    void theCallActivitiesPassSubjectTypeSubjectIdAndBusinessKey() throws IOException {
        Map<String, String> subjectIdSource = Map.of("incident-escalation", "incidentId", "nonconformity",
                "nonconformityId");
        for (var entry : subjectIdSource.entrySet()) {
            BaseElement call = model(entry.getKey()).getModelElementById("call_corrective_action");
            var ins = call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaIn.class).list();
            assertThat(ins).extracting(i -> i.getCamundaSource(), i -> i.getCamundaTarget(),
                    i -> i.getCamundaBusinessKey()).containsExactlyInAnyOrder(
                    tuple("subjectType", "subjectType", null),
                    tuple(entry.getValue(), "subjectId", null),
                    tuple(null, null, "#{execution.processBusinessKey}"));
            assertThat(((CallActivity) call).getCalledElement())
                    .isEqualTo("corrective-action");
        }
    }
}
