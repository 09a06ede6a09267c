package io.aimsgate.internalaudit.internal;

import io.aimsgate.shared.CrossFieldRules;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The command "record a checklist item's test" (clause 9.2): the body of
 * {@code PUT /api/internal-audits/{auditId}/checklist/{controlId}}. The result, the sample of evidence revisions it was
 * tested against (at least one, unless it is a nonconformity found for want of evidence), the system it concerns (one
 * of the audit's scope) and what was observed; a nonconformity or an observation needs the observation written down.
 */
@CrossFieldRules
record ItemTest(
        @NotNull(message = "is required") AuditItem.Result result,
        @Size(max = 50, message = "may sample at most 50 evidence revisions") List<@NotNull(
                message = "must not be null") @Positive(message = "must be a positive id") Long> evidenceRevisionIds,
        @Positive(message = "must be a positive id") Long systemId,
        @MultiLine @Size(max = 4000) String notes) implements CrossFieldRules.Checked {

    ItemTest {
        evidenceRevisionIds = evidenceRevisionIds == null ? List.of() : evidenceRevisionIds;
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    @Override
    public Map<String, String> brokenRules() {
        if (result == AuditItem.Result.NOT_TESTED) {
            return Map.of("result", "must be CONFORMS, OBSERVATION or NONCONFORMITY: a test has a result");
        }
        if (result != null && result != AuditItem.Result.CONFORMS && (notes == null || notes.length() < 10)) {
            return Map.of("notes", "a nonconformity or an observation is written down (10 to 4000 characters)");
        }
        if (result != AuditItem.Result.NONCONFORMITY && evidenceRevisionIds.isEmpty()) {
            return Map.of("evidenceRevisionIds", "an item is tested against a sample of at least one evidence revision");
        }
        return Map.of();
    }
}
