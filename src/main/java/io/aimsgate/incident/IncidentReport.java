package io.aimsgate.incident;

import java.time.Instant;
import java.util.List;

/** What a reporter says about an incident, validated before anything is stored. */
public record IncidentReport(Long systemId, List<String> versionLabels, IncidentType type, String title,
        String description, String harmToPeople, Harms harms, Instant detectedAt) {
}
