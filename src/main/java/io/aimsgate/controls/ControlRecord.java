package io.aimsgate.controls;

import java.time.Instant;
import java.util.List;

/**
 * One Annex A control with what the organisation recorded for it. {@code applicable} is null while the control has
 * not been decided; {@code justification} is then null too. {@code riskIds} are the risks it treats,
 * {@code evidenceFileIds} the evidence files (evidence store) that show it at work.
 */
public record ControlRecord(String controlId, String objectiveId, String objectiveTitle, String title,
        String description, Boolean applicable, String justification, ImplementationStatus implementationStatus,
        String owner, List<Long> riskIds, List<Long> evidenceFileIds, String changedBy, Instant changedAt) {

    /** Decided and applicable. */
    public boolean isApplicable() {
        return Boolean.TRUE.equals(applicable);
    }

    public boolean isDecided() {
        return applicable != null;
    }
}
