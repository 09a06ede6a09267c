package io.aimsgate.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's own figures as Prometheus metrics: its built-in counters (process instances, activity instances,
 * decisions, jobs; what the engine has written to its metrics table plus what it still holds in memory) and the state
 * an operator alerts on (open user tasks, failed jobs without retries, engine incidents). Each value is read from the
 * database at most once per {@link #REFRESH} and a scrape never waits for more than one query per figure.
 */
@Component
class EngineMetrics implements MeterBinder {

    static final Duration REFRESH = Duration.ofSeconds(15);

    /** The engine's counters exported, by Prometheus name. */
    static final Map<String, String> COUNTERS = Map.of(
            "camunda.root.process.instances.started", Metrics.ROOT_PROCESS_INSTANCE_START,
            "camunda.activity.instances.started", Metrics.ACTIVTY_INSTANCE_START,
            "camunda.activity.instances.ended", Metrics.ACTIVTY_INSTANCE_END,
            "camunda.decision.elements.executed", Metrics.EXECUTED_DECISION_ELEMENTS,
            "camunda.jobs.successful", Metrics.JOB_SUCCESSFUL,
            "camunda.jobs.failed", Metrics.JOB_FAILED,
            "camunda.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS);

    private final ObjectProvider<ProcessEngine> engines;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /** The engine is looked up when first scraped: the meter registry is built before the engine. */
    EngineMetrics(ObjectProvider<ProcessEngine> engines) {
        this.engines = engines;
        this.clock = Clock.systemUTC();
    }

    private ProcessEngine engine() {
        return engines.getObject();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        COUNTERS.forEach((name, metric) -> FunctionCounter.builder(name, this,
                        m -> m.cached(name, () -> m.engineCount(metric)))
                .description("Camunda engine metric " + metric).register(registry));
        Gauge.builder("camunda.tasks.open", this,
                        m -> m.cached("tasks", () -> engine().getTaskService().createTaskQuery().active().count()))
                .description("Open user tasks").register(registry);
        Gauge.builder("camunda.jobs.failed.open", this,
                        m -> m.cached("jobs", () -> engine().getManagementService().createJobQuery().noRetriesLeft().count()))
                .description("Jobs that failed and have no retries left").register(registry);
        Gauge.builder("camunda.incidents.open", this,
                        m -> m.cached("incidents", () -> engine().getRuntimeService().createIncidentQuery().count()))
                .description("Open engine incidents (failed jobs, failed external tasks)").register(registry);
        this.registry = registry;
    }

    /** Running instances of every deployed process (gate kind), once the engine has deployed its models. */
    @EventListener(ApplicationReadyEvent.class)
    void bindRunningInstances() {
        if (registry == null) {
            return;
        }
        engine().getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).distinct().forEach(key -> Gauge.builder(
                                "camunda.process.instances.running", this,
                                m -> m.cached("running:" + key, () -> engine().getRuntimeService()
                                        .createProcessInstanceQuery().processDefinitionKey(key).active().count()))
                        .tag("kind", key).description("Running process instances").register(registry));
    }

    /**
     * What the engine has reported to its metrics table plus what it still counts in memory; never less than the last
     * value (the engine moves the in-memory count to the table between the two reads).
     */
    long engineCount(String metric) {
        long reported = engine().getManagementService().createMetricsQuery().name(metric).sum();
        Meter live = ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getMetricsRegistry()
                .getDbMeterByName(metric);
        long total = reported + (live == null ? 0 : live.get());
        Cached previous = cache.get("max:" + metric);
        long max = previous == null ? total : Math.max(previous.value(), total);
        cache.put("max:" + metric, new Cached(max, clock.millis()));
        return max;
    }

    double cached(String key, LongSupplier read) {
        long now = clock.millis();
        Cached entry = cache.get(key);
        if (entry == null || now - entry.readAt() >= REFRESH.toMillis()) {
            entry = new Cached(read.getAsLong(), now);
            cache.put(key, entry);
        }
        return entry.value();
    }

    private record Cached(long value, long readAt) {
    }
}
