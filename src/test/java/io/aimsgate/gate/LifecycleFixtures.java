package io.aimsgate.gate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.raci.RaciRole;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Doubles for the life-cycle unit tests (no engine, no database), in the style of gate/DelegateExecutions: a
 * Mockito DelegateExecution whose variables live in a map, BPMN elements carrying camunda:property extension
 * properties built with Camunda's model API, and gate runs and decisions as our tables hold them.
 */
public final class LifecycleFixtures {

    public static final String PI = "pi-1";
    public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private LifecycleFixtures() {
    }

    /** Map.of refuses null values; this builds the variables of one test, nulls allowed. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** No one authenticated (a job, a timer, a test). */
    public static DelegateExecution execution(Map<String, ?> variables) {
        return execution(variables, null, null);
    }

    public static DelegateExecution execution(Map<String, ?> variables, String authenticatedUser) {
        return execution(variables, authenticatedUser, null);
    }

    /**
     * A DelegateExecution of {@link #PI} over a copy of {@code variables} (get/set/remove act on it), run on behalf
     * of {@code authenticatedUser} (null for no one), at the BPMN element {@code element} (may be null).
     */
    public static DelegateExecution execution(Map<String, ?> variables, String authenticatedUser, BaseElement element) {
        return stub(mock(DelegateExecution.class), variables, authenticatedUser, element);
    }

    /** An ExecutionEntity (what OpenLifecycleGateDelegate casts to) of the process definition {@code processKey}. */
    public static ExecutionEntity executionOf(String processKey, Map<String, ?> variables, String authenticatedUser) {
        ExecutionEntity execution = stub(mock(ExecutionEntity.class), variables, authenticatedUser, null);
        ProcessDefinitionEntity definition = mock(ProcessDefinitionEntity.class);
        when(definition.getKey()).thenReturn(processKey);
        when(execution.getProcessDefinition()).thenReturn(definition);
        return execution;
    }

    private static <E extends DelegateExecution> E stub(E execution, Map<String, ?> variables,
            String authenticatedUser, BaseElement element) {
        Map<String, Object> copy = new HashMap<>(variables);
        when(execution.getVariable(anyString())).thenAnswer(call -> copy.get(call.<String>getArgument(0)));
        when(execution.getVariables()).thenAnswer(call -> new HashMap<>(copy));
        when(execution.hasVariable(anyString())).thenAnswer(call -> copy.containsKey(call.<String>getArgument(0)));
        doAnswer(call -> copy.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), any());
        doAnswer(call -> copy.remove(call.<String>getArgument(0))).when(execution).removeVariable(anyString());
        doAnswer(call -> {
            call.<Collection<String>>getArgument(0).forEach(copy::remove);
            return null;
        }).when(execution).removeVariables(anyCollection());
        when(execution.getProcessInstanceId()).thenReturn(PI);
        when(execution.getBpmnModelElementInstance()).thenAnswer(call -> element);

        IdentityService identityService = mock(IdentityService.class);
        when(identityService.getCurrentAuthentication()).thenReturn(
                authenticatedUser == null ? null : new Authentication(authenticatedUser, List.of()));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getIdentityService()).thenReturn(identityService);
        when(services.getRuntimeService()).thenReturn(mock(RuntimeService.class));
        when(execution.getProcessEngineServices()).thenReturn(services);
        return execution;
    }

    /** A service task declaring the given camunda:property names and values (e.g. raciActivity). */
    public static ServiceTask serviceTask(String... namesAndValues) {
        BpmnModelInstance model = model();
        return withProperties(model.getModelElementById("service_task"), namesAndValues);
    }

    /** A user task declaring the given camunda:property names and values (raciActivity, raciRole, decisions). */
    public static UserTask userTask(String... namesAndValues) {
        BpmnModelInstance model = model();
        return withProperties(model.getModelElementById("user_task"), namesAndValues);
    }

    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess("lifecycle_unit").startEvent().userTask("user_task").name("Approve")
                .serviceTask("service_task").endEvent().done();
    }

    private static <T extends BaseElement> T withProperties(T element, String... namesAndValues) {
        if (namesAndValues.length == 0) {
            return element;
        }
        BpmnModelInstance model = (BpmnModelInstance) element.getModelInstance();
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        element.setExtensionElements(extensions);
        CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            CamundaProperty property = model.newInstance(CamundaProperty.class);
            property.setCamundaName(namesAndValues[i]);
            property.setCamundaValue(namesAndValues[i + 1]);
            properties.getCamundaProperties().add(property);
        }
        return element;
    }

    /** A gate run as our tables hold it (the id is generated by the database in production). */
    public static LifecycleGate gate(long id, long systemId, LifecycleGateKind kind, String processInstanceId,
            String startedBy) {
        LifecycleGate gate = new LifecycleGate(systemId, kind, processInstanceId, startedBy, null, null,
                NOW.minusSeconds(3600));
        ReflectionTestUtils.setField(gate, "id", id);
        return gate;
    }

    /** A gate run already closed with {@code status}. */
    public static LifecycleGate closedGate(long id, long systemId, LifecycleGateKind kind, LifecycleGateStatus status,
            Instant startedAt) {
        LifecycleGate gate = new LifecycleGate(systemId, kind, "pi-" + id, "olivia", null, null, startedAt);
        ReflectionTestUtils.setField(gate, "id", id);
        gate.close(status, "bea", "Closed in an earlier run.", startedAt.plusSeconds(60));
        return gate;
    }

    public static LifecycleDecision decision(long id, long gateId, RaciRole role, String decision, String rationale,
            String decidedBy) {
        LifecycleDecision recorded = new LifecycleDecision(gateId, "t-" + id, "task_" + id, "activity-" + id, role,
                decision, rationale, decidedBy, NOW.plusSeconds(id));
        ReflectionTestUtils.setField(recorded, "id", id);
        return recorded;
    }

    /** Engine calls "as the platform" that simply run: the unit tests have no engine to switch rights on. */
    @SuppressWarnings("unchecked")
    public static io.aimsgate.shared.EngineSystemCalls directEngineCalls() {
        io.aimsgate.shared.EngineSystemCalls engine = org.mockito.Mockito.mock(io.aimsgate.shared.EngineSystemCalls.class);
        org.mockito.Mockito.when(engine.withoutUserAuthorization(org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> ((java.util.function.Supplier<Object>) call.getArgument(0)).get());
        return engine;
    }
}
