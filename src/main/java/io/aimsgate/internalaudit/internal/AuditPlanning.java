package io.aimsgate.internalaudit.internal;

import io.aimsgate.shared.CrossFieldRules;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The command "plan an audit in the programme" (clause 9.2.2): the body of {@code POST /api/internal-audits}. Its scope
 * is AI systems, Annex A controls or both (at least one of either); the criteria the audit judges against; how often
 * it recurs; when it starts (which also sets the programme year) and who leads it.
 */
@CrossFieldRules
record AuditPlanning(
        @NotBlank(message = "is required") @Size(max = 200) String title,
        @Size(max = 50, message = "may name at most 50 systems") List<@NotNull(message = "must not be null")
                @Positive(message = "must be a positive id") Long> scopeSystemIds,
        @Size(max = 38, message = "may name at most the 38 Annex A controls") List<@NotNull(
                message = "must not be null") @Pattern(regexp = "A\\.[0-9]{1,2}(\\.[0-9]{1,2}){1,2}",
                message = "must be an Annex A control id such as A.6.2.4") String> scopeControlIds,
        @MultiLine @NotBlank(message = "is required") @Size(min = 10, max = 4000,
                message = "must be 10 to 4000 characters") String criteria,
        @NotNull(message = "is required") InternalAudit.Frequency frequency,
        @NotNull(message = "is required") LocalDate plannedStart,
        @NotBlank(message = "is required") @Size(max = 100) String leadAuditor) implements CrossFieldRules.Checked {

    AuditPlanning {
        title = title == null ? null : title.strip();
        criteria = criteria == null ? null : criteria.strip();
        leadAuditor = leadAuditor == null ? null : leadAuditor.strip();
        scopeSystemIds = scopeSystemIds == null ? List.of() : scopeSystemIds;
        scopeControlIds = scopeControlIds == null ? List.of() : scopeControlIds;
    }

    @Override
    public Map<String, String> brokenRules() {
        if (plannedStart != null && (plannedStart.getYear() < 2000 || plannedStart.getYear() > 2200)) {
            return Map.of("plannedStart", "must be in a programme year between 2000 and 2200");
        }
        return scopeSystemIds.isEmpty() && scopeControlIds.isEmpty()
                ? Map.of("scopeControlIds", "an audit's scope names AI systems, Annex A controls or both") : Map.of();
    }
}
