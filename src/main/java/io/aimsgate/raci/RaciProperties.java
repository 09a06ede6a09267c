package io.aimsgate.raci;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The RACI matrix: life-cycle activity x role -> identity groups, from {@code aims.raci.activities}.
 * Exactly one Accountable group per activity (checked at start-up by {@link RaciMatrix}).
 */
@ConfigurationProperties(prefix = "aims.raci")
public record RaciProperties(Map<String, Activity> activities) {

    public RaciProperties {
        activities = activities == null ? Map.of() : Map.copyOf(activities);
    }

    public record Activity(List<String> responsible, String accountable, List<String> consulted,
            List<String> informed) {

        public Activity {
            responsible = responsible == null ? List.of() : List.copyOf(responsible);
            consulted = consulted == null ? List.of() : List.copyOf(consulted);
            informed = informed == null ? List.of() : List.copyOf(informed);
        }
    }
}
