package io.aimsgate.validation.process;

import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.RecordingDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The beans every life-cycle gate model calls, as test doubles for the design &amp; development and the V&amp;V
 * process tests: {@code openLifecycleGate} (sets gateId, systemName, businessOwner as the real one does),
 * {@code passLifecycleGate}, {@code rejectLifecycleGate}, the decision listener double and the real RACI task
 * listener over the application's matrix. Every delegate a test registers through {@link #delegate} appends to
 * one {@link #calls} log, so a test can assert which beans ran, in which order, at which service task and with
 * which {@code raciActivity} that task declares.
 */
final class DesignVvGate {

    static final long GATE_ID = 900L;
    static final String SYSTEM_NAME = "Credit scoring";
    static final String BUSINESS_OWNER = "oscar";

    static final String OPEN = "openLifecycleGate";
    static final String PASS = "passLifecycleGate";
    static final String REJECT = "rejectLifecycleGate";

    /** One run of a service-task bean: where it ran and the raciActivity the service task declares (or null). */
    record Call(String bean, String activityId, String raciActivity) {
    }

    final List<Call> calls = new ArrayList<>();
    final DecisionListenerDouble decisions = new DecisionListenerDouble();
    final RecordingDelegate open;
    final RecordingDelegate pass;
    final RecordingDelegate reject;

    DesignVvGate() {
        open = delegate(OPEN, execution -> {
            execution.setVariable("gateId", GATE_ID);
            execution.setVariable("systemName", SYSTEM_NAME);
            execution.setVariable("businessOwner", BUSINESS_OWNER);
        });
        pass = delegate(PASS, execution -> {
        });
        reject = delegate(REJECT, execution -> {
        });
        Mocks.register("lifecycleDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    /** Registers {@code ${bean}} as a recording double that logs its runs to {@link #calls}, then behaves. */
    RecordingDelegate delegate(String bean, Consumer<DelegateExecution> behaviour) {
        RecordingDelegate delegate = new RecordingDelegate(execution -> {
            calls.add(new Call(bean, execution.getCurrentActivityId(), raciActivity(execution)));
            behaviour.accept(execution);
        });
        Mocks.register(bean, delegate);
        return delegate;
    }

    List<String> beansCalled() {
        return calls.stream().map(Call::bean).toList();
    }

    /** The decisions taken, as "taskKey:DECISION", in the order the tasks were completed. */
    List<String> decisionsTaken() {
        return decisions.completed.stream().map(c -> c.taskKey() + ":" + c.decision()).toList();
    }

    private static String raciActivity(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> "raciActivity".equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }
}
