package io.aimsgate.controls;

import java.util.List;

/** One control's line in a frozen SoA version. */
public record SoaEntry(String controlId, String objectiveId, String title, boolean applicable, String justification,
        ImplementationStatus implementationStatus, String owner, List<Long> riskIds, List<Long> evidenceFileIds) {
}
