package io.aimsgate.operation.process;

import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.RecordingDelegate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans the re-evaluation and retirement models call, as test doubles: each service task records its runs
 * (and every run lands in one shared log, so the order across delegates can be asserted) and sets the
 * variables the production delegate promises in docs/lifecycle-gates.md. The RACI listener is the real one over
 * the application's matrix; the decision listener is {@link DecisionListenerDouble}.
 */
final class ReevalRetireDoubles {

    static final String SYSTEM_NAME_PREFIX = "Credit scoring #";
    static final String BUSINESS_OWNER = "oscar";
    static final String DEFAULT_INTERVAL = "P1Y";
    static final long FIRST_GATE_ID = 500L;

    /** Every delegate run, in order, as {@code bean@activity}. */
    final List<String> ran = new ArrayList<>();
    final Map<String, RecordingDelegate> delegates = new LinkedHashMap<>();
    final DecisionListenerDouble decisions = new DecisionListenerDouble();
    private long nextGateId = FIRST_GATE_ID;

    /**
     * What {@code requestRetirement} does after recording its run; the re-evaluation test makes it correlate the
     * retirement start message, as the production delegate does.
     */
    Consumer<DelegateExecution> requestRetirementBehaviour = execution -> {
    };

    ReevalRetireDoubles() {
        add("openLifecycleGate", this::openLifecycleGate);
        add("noteYearlyTrigger", this::noteYearlyTrigger);
        add("continueOperation", execution -> {
        });
        add("suspendSystem", execution -> {
        });
        add("requestRetirement", execution -> requestRetirementBehaviour.accept(execution));
        add("recordRetirementPlan", execution -> {
        });
        add("retireSystem", execution -> {
        });
        add("rejectLifecycleGate", execution -> {
        });
    }

    /** Registers every double under its bean name, with the real RACI listener over the application matrix. */
    ReevalRetireDoubles register() {
        delegates.forEach(Mocks::register);
        Mocks.register("lifecycleDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
        return this;
    }

    RecordingDelegate delegate(String bean) {
        RecordingDelegate delegate = delegates.get(bean);
        if (delegate == null) {
            throw new IllegalArgumentException("no double for " + bean);
        }
        return delegate;
    }

    /** The runs of one bean. */
    List<Map<String, Object>> runs(String bean) {
        return delegate(bean).runs;
    }

    /** The decisions the listener saw completed, as {@code taskKey:decision}, in order. */
    List<String> completedDecisions() {
        return decisions.completed.stream().map(c -> c.taskKey() + ":" + c.decision()).toList();
    }

    private void add(String bean, Consumer<DelegateExecution> behaviour) {
        delegates.put(bean, new RecordingDelegate(execution -> {
            ran.add(bean + "@" + execution.getCurrentActivityId());
            behaviour.accept(execution);
        }));
    }

    /**
     * openLifecycleGate: a new gate record id, the system's name and business owner; for a re-evaluation the
     * interval (P1Y unless given) and the trigger (MANUAL unless given).
     */
    private void openLifecycleGate(DelegateExecution execution) {
        Object systemId = execution.getVariable("systemId");
        if (!(systemId instanceof Long)) {
            throw new IllegalArgumentException("systemId must be a Long, was " + systemId);
        }
        execution.setVariable("gateId", nextGateId++);
        execution.setVariable("systemName", SYSTEM_NAME_PREFIX + systemId);
        execution.setVariable("businessOwner", BUSINESS_OWNER);
        if ("task_open_reevaluation".equals(execution.getCurrentActivityId())) {
            if (execution.getVariable("reevaluationInterval") == null) {
                execution.setVariable("reevaluationInterval", DEFAULT_INTERVAL);
            }
            if (execution.getVariable("trigger") == null) {
                execution.setVariable("trigger", "MANUAL");
            }
            // as the real delegate: true when a manual request woke the system's waiting watch instead
            execution.setVariable("handedOverToWatch", handOverToWatch);
        }
    }

    /** Makes the next re-evaluation openLifecycleGate hand over to a (pretend) waiting watch. */
    boolean handOverToWatch;

    /** noteYearlyTrigger: trigger YEARLY and a new gate record for this re-evaluation. */
    private void noteYearlyTrigger(DelegateExecution execution) {
        execution.setVariable("trigger", "YEARLY");
        execution.setVariable("triggerDetail", "Yearly re-evaluation (interval "
                + execution.getVariable("reevaluationInterval") + ")");
        execution.setVariable("gateId", nextGateId++);
    }
}
