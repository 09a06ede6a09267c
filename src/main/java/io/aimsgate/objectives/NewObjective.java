package io.aimsgate.objectives;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The command "set an AI objective": what it measures, the target, who owns it and by when (clause 6.2). */
public record NewObjective(
        @NotBlank(message = "is required") @Size(max = 60)
        @Pattern(regexp = "[A-Z][A-Z0-9-]*", message = "must be upper-case letters, digits and hyphens, starting with "
                + "a letter") String code,
        @NotBlank(message = "is required") @Size(max = 200) String title,
        @NotNull(message = "is required") ObjectiveMetric metric,
        @NotNull(message = "is required") ObjectiveDirection direction,
        @NotNull(message = "is required") @PositiveOrZero Double target,
        @NotBlank(message = "is required") @Size(max = 100) String owner,
        @NotNull(message = "is required") LocalDate dueDate) {

    public NewObjective {
        code = code == null ? null : code.strip();
        title = title == null ? null : title.strip();
        owner = owner == null ? null : owner.strip();
    }
}
