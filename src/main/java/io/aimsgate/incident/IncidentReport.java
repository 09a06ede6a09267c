package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentVariables.*;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "report an incident", the same through both doors: {@code POST /api/incidents} and the Tasklist start
 * form of the incident process. {@link IncidentService#validate} checks these rules (and that the system and versions
 * exist) for both, before anything is stored.
 */
public record IncidentReport(
        @NotNull(message = "is required") @Min(value = 1, message = "must be a positive id") Long systemId,
        @NotEmpty(message = "name at least one affected version") @Size(max = 50)
        List<@NotBlank @Pattern(regexp = VERSION_LABEL, message = "is not a valid version label") String> versionLabels,
        @NotNull(message = "is required") IncidentType type,
        @Size(max = 200) String title,
        @MultiLine @NotBlank(message = "is required") @Size(max = 4000) String description,
        @MultiLine @Size(max = 4000) String harmToPeople,
        @NotNull(message = "is required") Harms harms,
        @NotNull(message = "is required") Instant detectedAt) {

    static final String VERSION_LABEL = "^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$";

    /** A report without a title is titled by its type and the first line of its description. */
    public IncidentReport {
        description = description == null ? null : description.strip();
        harmToPeople = harmToPeople == null || harmToPeople.isBlank() ? null : harmToPeople.strip();
        title = title == null || title.isBlank() ? titleFor(type, description) : title.strip();
        versionLabels = versionLabels == null ? null : versionLabels.stream()
                .map(label -> label == null ? null : label.strip()).distinct().toList();
    }

    /**
     * The start form's fields as the command. The form's "affected versions" is one text field (a form field cannot
     * hold a list): the one place it becomes a list, split at commas.
     */
    static IncidentReport fromForm(VariableScope scope) {
        String labels = VERSION_LABELS_TEXT.orNull(scope);
        return new IncidentReport(SYSTEM_ID.orNull(scope), labels == null ? List.of()
                : Arrays.stream(labels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                TYPE.orNull(scope), TITLE.orNull(scope), DESCRIPTION.orNull(scope), HARM_TO_PEOPLE.orNull(scope),
                new Harms(DEATH.orElse(scope, false), SERIOUS_HEALTH_HARM.orElse(scope, false),
                        CRITICAL_INFRASTRUCTURE.orElse(scope, false), WIDESPREAD_INFRINGEMENT.orElse(scope, false),
                        FUNDAMENTAL_RIGHTS.orElse(scope, false), PROPERTY_OR_ENVIRONMENT.orElse(scope, false)),
                DETECTED_AT.orNull(scope));
    }

    static String titleFor(IncidentType type, String description) {
        if (type == null || description == null || description.isBlank()) {
            return null;
        }
        String first = description.lines().findFirst().orElse(description);
        String title = type.name().replace('_', ' ').toLowerCase() + ": " + first;
        return title.length() <= 200 ? title : title.substring(0, 197) + "...";
    }
}
