package io.aimsgate.incident;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Incident response settings ({@code aims.incident}): the containment SLA per severity and how long
 * before an Art. 73 reporting deadline the governance board is alerted.
 */
@ConfigurationProperties(prefix = "aims.incident")
public record IncidentProperties(Map<IncidentSeverity, Duration> containmentSla, Duration regulatorEscalationLead) {

    public IncidentProperties {
        Map<IncidentSeverity, Duration> sla = new EnumMap<>(Map.of(
                IncidentSeverity.SEV1, Duration.ofHours(1),
                IncidentSeverity.SEV2, Duration.ofHours(4),
                IncidentSeverity.SEV3, Duration.ofDays(1),
                IncidentSeverity.SEV4, Duration.ofDays(3)));
        if (containmentSla != null) {
            sla.putAll(containmentSla);
        }
        containmentSla = Map.copyOf(sla);
        regulatorEscalationLead = regulatorEscalationLead == null ? Duration.ofDays(1) : regulatorEscalationLead;
    }
}
