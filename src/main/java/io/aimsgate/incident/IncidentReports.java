package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import io.aimsgate.shared.ProcessVariables;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads an incident report from process variables (Tasklist start form or REST), refusing bad input. */
final class IncidentReports {

    private IncidentReports() {
    }

    static IncidentReport fromVariables(VariableScope scope) {
        IncidentType type;
        try {
            type = IncidentType.valueOf(String.valueOf(scope.getVariable(TYPE)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'type' must be one of " + Arrays.toString(IncidentType.values()));
        }
        String description = ProcessValues.text(scope, DESCRIPTION);
        if (description == null || description.length() > 4000) {
            throw new BadUserRequestException("'description' is required (at most 4000 characters)");
        }
        String harm = ProcessValues.text(scope, HARM_TO_PEOPLE);
        if (harm != null && harm.length() > 4000) {
            throw new BadUserRequestException("'harmToPeople' is longer than 4000 characters");
        }
        Instant detectedAt;
        try {
            detectedAt = Instant.parse(String.valueOf(scope.getVariable(DETECTED_AT)).strip());
        } catch (DateTimeParseException e) {
            throw new BadUserRequestException("'detectedAt' must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
        String title = ProcessValues.text(scope, TITLE);
        if (title != null && title.length() > 200) {
            throw new BadUserRequestException("'title' is longer than 200 characters");
        }
        return new IncidentReport(ProcessVariables.requiredLong(scope, SYSTEM_ID), labels(scope.getVariable(VERSION_LABELS)), type,
                title != null ? title : titleFor(type, description), description, harm,
                new Harms(ProcessValues.flag(scope, DEATH), ProcessValues.flag(scope, SERIOUS_HEALTH_HARM),
                        ProcessValues.flag(scope, CRITICAL_INFRASTRUCTURE),
                        ProcessValues.flag(scope, WIDESPREAD_INFRINGEMENT), ProcessValues.flag(scope, FUNDAMENTAL_RIGHTS),
                        ProcessValues.flag(scope, PROPERTY_OR_ENVIRONMENT)), detectedAt);
    }

    /** A comma-separated string (the start form) or a list (REST). */
    static List<String> labels(Object value) {
        List<String> labels = value instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : value == null ? List.of() : Arrays.asList(value.toString().split(","));
        return labels.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static String titleFor(IncidentType type, String description) {
        String first = description.lines().findFirst().orElse(description);
        String title = type.name().replace('_', ' ').toLowerCase() + ": " + first;
        return title.length() <= 200 ? title : title.substring(0, 197) + "...";
    }
}
