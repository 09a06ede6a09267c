package io.aimsgate.validation;

import io.aimsgate.inventory.InventoryService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The objectives a system's metrics are held to: its own where set, the configured defaults otherwise. */
@Service
@Transactional
public class Objectives {

    /** One objective in force, and where it came from. */
    public record InForce(String metric, MetricKind kind, MetricBound bound, double threshold, boolean systemSpecific,
            String setBy, Instant setAt) {

        public boolean breachedBy(double value) {
            return bound.breachedBy(value, threshold);
        }
    }

    private final MetricObjectiveRepository objectives;
    private final LifecycleProperties properties;
    private final InventoryService inventory;
    private final Clock clock;

    Objectives(MetricObjectiveRepository objectives, LifecycleProperties properties, InventoryService inventory,
            Clock clock) {
        this.objectives = objectives;
        this.properties = properties;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, InForce> inForce(Long systemId) {
        inventory.requireSystem(systemId);
        Map<String, InForce> result = new TreeMap<>();
        properties.objectives().forEach((metric, d) -> result.put(metric,
                new InForce(metric, d.kind(), d.bound(), d.threshold(), false, null, null)));
        objectives.findBySystemId(systemId).forEach(o -> result.put(o.getMetric(), new InForce(o.getMetric(),
                o.getKind(), o.getBound(), o.getThreshold(), true, o.getSetBy(), o.getSetAt())));
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<InForce> forMetric(Long systemId, String metric) {
        return Optional.ofNullable(inForce(systemId).get(metric));
    }

    public InForce set(Long systemId, String metric, MetricKind kind, MetricBound bound, double threshold,
            String actor) {
        inventory.requireSystem(systemId);
        MetricObjective objective = objectives.findBySystemIdAndMetric(systemId, metric)
                .orElseGet(() -> new MetricObjective(systemId, metric));
        objective.set(kind, bound, threshold, actor, clock.instant());
        objectives.save(objective);
        return inForce(systemId).get(metric);
    }
}

interface MetricObjectiveRepository extends JpaRepository<MetricObjective, Long> {

    List<MetricObjective> findBySystemId(Long systemId);

    Optional<MetricObjective> findBySystemIdAndMetric(Long systemId, String metric);
}
