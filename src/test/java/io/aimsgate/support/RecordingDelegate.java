package io.aimsgate.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for a service-task delegate: remembers each run with the variables it saw (and the activity it ran
 * at), then does what the test tells it to.
 */
public final class RecordingDelegate implements JavaDelegate {

    public static final String ACTIVITY = "@activity";
    public static final String BUSINESS_KEY = "@businessKey";

    private final Consumer<DelegateExecution> behaviour;
    public final List<Map<String, Object>> runs = new ArrayList<>();

    public RecordingDelegate() {
        this(execution -> {
        });
    }

    public RecordingDelegate(Consumer<DelegateExecution> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> seen = new HashMap<>(execution.getVariables());
        seen.put(ACTIVITY, execution.getCurrentActivityId());
        seen.put(BUSINESS_KEY, execution.getProcessBusinessKey());
        runs.add(seen);
        behaviour.accept(execution);
    }

    public Map<String, Object> onlyRun() {
        if (runs.size() != 1) {
            throw new AssertionError("expected exactly one run, got " + runs.size() + ": " + runs);
        }
        return runs.get(0);
    }
}
