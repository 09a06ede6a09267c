package io.aimsgate.operation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.raci.RaciDeclaration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The re-evaluation and retirement models against docs/lifecycle-gates.md and against the forms they bind: what
 * the process tests cannot see, because they complete tasks with variables rather than through the forms.
 */
class ReevalRetireModelsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> MODELS = List.of("re-evaluation", "retirement");

    static final Map<String, String> STARTERS = Map.of("re-evaluation", "ml-engineers,ai-product-owners",
            "retirement", "ai-product-owners");

    /** Service task -> the bean it calls and the RACI activity whose Informed groups it e-mails (or null). */
    static final Map<String, Map<String, List<String>>> SERVICE_TASKS = Map.of(
            "re-evaluation", Map.of(
                    "task_open_reevaluation", Arrays.asList("${openLifecycleGate}", null),
                    "task_record_continue", List.of("${continueOperation}", "reevaluation-decision"),
                    "task_note_yearly_trigger", Arrays.asList("${noteYearlyTrigger}", null),
                    "task_suspend_system", List.of("${suspendSystem}", "reevaluation-decision"),
                    "task_request_retirement", List.of("${requestRetirement}", "reevaluation-decision")),
            "retirement", Map.of(
                    "task_open_retirement", Arrays.asList("${openLifecycleGate}", null),
                    "task_record_retirement_plan", Arrays.asList("${recordRetirementPlan}", null),
                    "task_retire_system", List.of("${retireSystem}", "retirement-approval"),
                    "task_record_rejection", List.of("${rejectLifecycleGate}", "retirement-approval")));

    /** User task -> form, RACI activity, role, declared decisions (null: the default APPROVE,REJECT). */
    static final Map<String, List<String>> USER_TASKS = Map.of(
            "task_reassess", Arrays.asList("reevaluation-assessment", "reevaluation-assessment", "RESPONSIBLE",
                    "SUBMIT"),
            "task_reevaluation_decision", Arrays.asList("reevaluation-decision", "reevaluation-decision",
                    "ACCOUNTABLE", "CONTINUE,SUSPEND,RETIRE"),
            "task_retirement_plan", Arrays.asList("retirement-plan", "retirement-plan", "RESPONSIBLE", "SUBMIT"),
            "task_legal_review", Arrays.asList("lifecycle-review", "retirement-legal-review", "CONSULTED", null),
            "task_accountable_approval", Arrays.asList("lifecycle-approval", "retirement-approval", "ACCOUNTABLE",
                    null));

    /** Start event -> start form (null: message start) and message name (null: none start). */
    static final Map<String, List<String>> START_EVENTS = Map.of(
            "start_reevaluation_requested", Arrays.asList(null, "ReEvaluationRequested"),
            "start_reevaluation_manual", Arrays.asList("reevaluation-start", null),
            "start_operation_started", Arrays.asList(null, "OperationStarted"),
            "start_retirement_requested", Arrays.asList(null, "RetirementRequested"),
            "start_retirement_manual", Arrays.asList("retirement-start", null));

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

    static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false).toList();
    }

    static JsonNode field(JsonNode form, String key) {
        return components(form).stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in form " + form.get("id")));
    }

    static boolean hasField(JsonNode form, String key) {
        return components(form).stream().anyMatch(c -> key.equals(c.path("key").asText(null)));
    }

    static List<String> values(JsonNode field) {
        return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText())
                .toList();
    }

    static Map<String, String> properties(FlowNode node) {
        Map<String, String> properties = new HashMap<>();
        if (node.getExtensionElements() != null) {
            node.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"re-evaluation", "retirement"})
    void theModelIsExecutableLaidOutStartableByItsGroupsAndCallsTheContractsBeans(String name) throws IOException {
        BpmnModelInstance model = model(name);
        Process process = model.getModelElementById(name);

        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("730");
        assertThat(process.getCamundaCandidateStarterGroups()).isEqualTo(STARTERS.get(name));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
            assertThat(node.getDiagramElement()).as("diagram shape of %s", node.getId()).isNotNull();
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getDiagramElement()).as("diagram edge of %s", flow.getId()).isNotNull();
        }
        Map<String, List<String>> expected = SERVICE_TASKS.get(name);
        assertThat(model.getModelElementsByType(ServiceTask.class)).extracting(ServiceTask::getId)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as("bean of %s", task.getId())
                    .isEqualTo(expected.get(task.getId()).get(0));
            assertThat(properties(task).get(RaciDeclaration.ACTIVITY_PROPERTY)).as("raciActivity of %s", task.getId())
                    .isEqualTo(expected.get(task.getId()).get(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"re-evaluation", "retirement"})
    void everyStartEventRecordsTheInitiatorAndTheMessageStartsListenForTheContractsMessages(String name)
            throws IOException {
        List<StartEvent> starts = new ArrayList<>(model(name).getModelElementsByType(StartEvent.class));
        // re-evaluation: requested by message, manual, and the watch a deployment approval starts
        assertThat(starts).hasSize("re-evaluation".equals(name) ? 3 : 2);
        for (StartEvent start : starts) {
            List<String> expected = START_EVENTS.get(start.getId());
            assertThat(expected).as("start event %s is in the contract", start.getId()).isNotNull();
            assertThat(start.getCamundaInitiator()).as("initiator of %s", start.getId()).isEqualTo("initiator");
            assertThat(start.getCamundaFormRef()).as("form of %s", start.getId()).isEqualTo(expected.get(0));
            List<String> messages = start.getEventDefinitions().stream()
                    .filter(MessageEventDefinition.class::isInstance)
                    .map(d -> ((MessageEventDefinition) d).getMessage().getName()).toList();
            assertThat(messages).as("message of %s", start.getId())
                    .isEqualTo(expected.get(1) == null ? List.of() : List.of(expected.get(1)));
            if (expected.get(0) != null) {
                assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
                assertThat(form(expected.get(0)).get("id").asText()).isEqualTo(expected.get(0));
            }
        }
    }

    @Test
    void theGatewaysOnlyReadVariables() throws IOException {
        for (String name : MODELS) {
            for (Gateway gateway : model(name).getModelElementsByType(Gateway.class)) {
                if (gateway.getOutgoing().size() < 2 || gateway instanceof ParallelGateway
                        || gateway instanceof EventBasedGateway) {
                    continue;
                }
                for (SequenceFlow out : gateway.getOutgoing()) {
                    assertThat(out.getName()).as("name of %s", out.getId()).isNotBlank();
                    assertThat(out.getConditionExpression()).as("condition of %s", out.getId()).isNotNull();
                    assertThat(out.getConditionExpression().getTextContent()).as("condition of %s", out.getId())
                            .matches("\\$\\{lastDecision == '(APPROVE|REJECT|CONTINUE|SUSPEND|RETIRE)'}"
                                    + "|\\$\\{!?handedOverToWatch}");
                }
            }
        }
    }

    @Test
    void theYearlyTimerWaitsTheIntervalVariableAfterAnEventBasedGateway() throws IOException {
        BpmnModelInstance model = model("re-evaluation");
        FlowNode gateway = model.getModelElementById("gateway_wait_next_trigger");
        assertThat(gateway).isInstanceOf(EventBasedGateway.class);
        assertThat(gateway.getSucceedingNodes().list()).extracting(FlowNode::getId)
                .containsExactlyInAnyOrder("timer_yearly_reevaluation", "message_threshold_breached");
        TimerEventDefinition timer = model.getModelElementsByType(TimerEventDefinition.class).iterator().next();
        assertThat(((FlowNode) timer.getParentElement()).getId()).isEqualTo("timer_yearly_reevaluation");
        assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("${reevaluationInterval}");
        FlowNode breach = model.getModelElementById("message_threshold_breached");
        assertThat(((CatchEvent) breach).getEventDefinitions())
                .singleElement().satisfies(d -> assertThat(((MessageEventDefinition) d).getMessage().getName())
                        .isEqualTo("MonitoringThresholdBreached"));
    }

    static Stream<Arguments> userTasks() throws IOException {
        List<Arguments> tasks = new ArrayList<>();
        for (String name : MODELS) {
            for (UserTask task : model(name).getModelElementsByType(UserTask.class)) {
                tasks.add(Arguments.of(name, task.getId(), task.getCamundaFormRef()));
            }
        }
        return tasks.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("userTasks")
    void everyUserTaskDeclaresItsRaciRoleDecisionsAndListeners(String name, String taskId, String formRef)
            throws IOException {
        UserTask task = model(name).getModelElementById(taskId);
        List<String> expected = USER_TASKS.get(taskId);
        assertThat(expected).as("%s is in the contract", taskId).isNotNull();
        assertThat(formRef).isEqualTo(expected.get(0));
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        Map<String, String> properties = properties(task);
        assertThat(properties.get(RaciDeclaration.ACTIVITY_PROPERTY)).isEqualTo(expected.get(1));
        assertThat(properties.get(RaciDeclaration.ROLE_PROPERTY)).isEqualTo(expected.get(2));
        assertThat(properties.get("decisions")).isEqualTo(expected.get(3));
        List<String> listeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class)
                .list().stream().map(l -> l.getCamundaEvent() + " " + l.getCamundaDelegateExpression()).toList();
        assertThat(listeners).containsExactlyInAnyOrder("create ${raciTaskListener}",
                "assignment ${lifecycleDecisionListener}", "complete ${lifecycleDecisionListener}");
    }

    /**
     * The form of each user task gives the decision listener and the gateways what they read: a work task
     * (SUBMIT) has no decision field; a decision task has a required radio with exactly the declared decisions
     * and a required rationale of 10-4000 characters. For the shared lifecycle-review and lifecycle-approval
     * forms this needs them merged from the branch that writes them.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("userTasks")
    void everyUserTaskFormExistsAndOffersExactlyTheDeclaredDecisions(String name, String taskId, String formRef)
            throws IOException {
        JsonNode form = form(formRef);
        assertThat(form.get("id").asText()).isEqualTo(formRef);
        String declared = properties(model(name).getModelElementById(taskId)).getOrDefault("decisions",
                "APPROVE,REJECT");
        assertThat(field(form, "systemName").path("disabled").asBoolean()).as("systemName shown read-only").isTrue();
        if ("SUBMIT".equals(declared)) {
            assertThat(hasField(form, "decision")).as("a work task's form has no decision field").isFalse();
        } else {
            JsonNode decision = field(form, "decision");
            assertThat(decision.get("type").asText()).isEqualTo("radio");
            assertThat(decision.path("validate").path("required").asBoolean()).isTrue();
            assertThat(values(decision)).containsExactly(declared.split(","));
        }
        JsonNode rationale = field(form, "rationale");
        assertThat(rationale.path("validate").path("required").asBoolean()).isTrue();
        assertThat(rationale.path("validate").path("minLength").asInt()).isEqualTo(10);
        assertThat(rationale.path("validate").path("maxLength").asInt()).isEqualTo(4000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reevaluation-start", "reevaluation-assessment", "reevaluation-decision",
            "retirement-start", "retirement-plan"})
    void everyOwnFormIsACamunda7FormWithLabelledUniquelyIdentifiedBoundedFields(String id) throws IOException {
        JsonNode form = form(id);
        assertThat(form.get("id").asText()).isEqualTo(id);
        assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components(form)) {
            assertThat(component.path("id").asText()).as("id of a %s", component.get("type")).isNotBlank();
            assertThat(ids.add(component.get("id").asText())).as("unique id %s", component.get("id")).isTrue();
            assertThat(component.path("layout").path("row").asText()).as("row of %s", component.get("id"))
                    .isNotBlank();
            if (component.has("key")) {
                assertThat(keys.add(component.get("key").asText())).as("unique key %s", component.get("key"))
                        .isTrue();
                assertThat(component.path("label").asText()).as("label of %s", component.get("key")).isNotBlank();
                if (List.of("textfield", "textarea").contains(component.get("type").asText())
                        && !component.path("disabled").asBoolean()) {
                    assertThat(component.path("validate").path("maxLength").asInt())
                            .as("maxLength of %s", component.get("key")).isPositive();
                }
            }
        }
    }

    /** The fields the delegates and the gateways rely on, with the constraints of docs/lifecycle-gates.md. */
    @Test
    void theFormsCarryTheFieldsTheDelegatesRelyOn() throws IOException {
        JsonNode reevaluationStart = form("reevaluation-start");
        assertRequiredNumber(reevaluationStart, "systemId");
        assertRequiredText(reevaluationStart, "triggerDetail", 10, 2000);
        assertThat(hasField(reevaluationStart, "trigger")).as("the delegate sets MANUAL").isFalse();

        JsonNode assessment = form("reevaluation-assessment");
        assertReadOnly(assessment, "systemName", "trigger", "triggerDetail");
        assertRequiredText(assessment, "findings", 20, 8000);
        assertRequiredSelect(assessment, "recommendation", "CONTINUE", "SUSPEND", "RETIRE");

        JsonNode decision = form("reevaluation-decision");
        assertReadOnly(decision, "systemName", "trigger", "triggerDetail", "findings", "recommendation");
        assertThat(StreamSupport.stream(field(decision, "decision").get("values").spliterator(), false)
                .map(v -> v.get("value").asText() + "=" + v.get("label").asText()).toList()).containsExactly(
                "CONTINUE=Continue operation", "SUSPEND=Suspend: the pipeline check refuses every version",
                "RETIRE=Retire the system");

        JsonNode retirementStart = form("retirement-start");
        assertRequiredNumber(retirementStart, "systemId");
        assertRequiredSelect(retirementStart, "retirementReason", "PERFORMANCE_DEGRADATION", "REGULATORY_CHANGE",
                "OBSOLESCENCE", "REPLACED");
        assertThat(field(retirementStart, "triggerDetail").path("validate").path("maxLength").asInt())
                .isEqualTo(4000);

        JsonNode plan = form("retirement-plan");
        assertReadOnly(plan, "systemName", "triggerDetail");
        assertRequiredSelect(plan, "retirementReason", "PERFORMANCE_DEGRADATION", "REGULATORY_CHANGE",
                "OBSOLESCENCE", "REPLACED");
        assertThat(field(plan, "replacedBy").get("type").asText()).isEqualTo("textfield");
        assertThat(field(plan, "replacedBy").path("validate").path("required").asBoolean()).isFalse();
        for (String key : List.of("dataRetentionPlan", "deletionPlan", "dependentSystems")) {
            assertRequiredText(plan, key, 20, 8000);
        }
    }

    private static void assertRequiredNumber(JsonNode form, String key) {
        JsonNode field = field(form, key);
        assertThat(field.get("type").asText()).isEqualTo("number");
        assertThat(field.path("decimalDigits").asInt(-1)).as("%s is a whole number", key).isZero();
        assertThat(field.path("validate").path("required").asBoolean()).isTrue();
        assertThat(field.path("validate").path("min").asInt()).isEqualTo(1);
    }

    private static void assertRequiredText(JsonNode form, String key, int min, int max) {
        JsonNode field = field(form, key);
        assertThat(field.get("type").asText()).isEqualTo("textarea");
        assertThat(field.path("disabled").asBoolean()).isFalse();
        JsonNode validate = field.path("validate");
        assertThat(validate.path("required").asBoolean()).as("%s required", key).isTrue();
        assertThat(validate.path("minLength").asInt()).as("%s minLength", key).isEqualTo(min);
        assertThat(validate.path("maxLength").asInt()).as("%s maxLength", key).isEqualTo(max);
    }

    private static void assertRequiredSelect(JsonNode form, String key, String... options) {
        JsonNode field = field(form, key);
        assertThat(field.get("type").asText()).isEqualTo("select");
        assertThat(field.path("disabled").asBoolean()).isFalse();
        assertThat(field.path("validate").path("required").asBoolean()).as("%s required", key).isTrue();
        assertThat(values(field)).containsExactly(options);
    }

    private static void assertReadOnly(JsonNode form, String... keys) {
        for (String key : keys) {
            assertThat(field(form, key).path("disabled").asBoolean()).as("%s read-only in %s", key, form.get("id"))
                    .isTrue();
        }
    }
}
