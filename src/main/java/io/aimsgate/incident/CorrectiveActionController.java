package io.aimsgate.incident;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tracks corrective actions: POST /api/corrective-actions/{id}/status {"status": "DONE"}. */
@RestController
class CorrectiveActionController {

    private final CorrectiveActionService corrective;

    CorrectiveActionController(CorrectiveActionService corrective) {
        this.corrective = corrective;
    }

    @Operation(summary = "Track a corrective action",
            description = "Moves a corrective action of an incident or nonconformity to OPEN, IN_PROGRESS or DONE.")
    @PostMapping("/api/corrective-actions/{actionId}/status")
    @PreAuthorize("@access.canMaintainRisks()")
    CorrectiveCaseView.ActionView progress(@PathVariable Long actionId, @Valid @RequestBody StatusChange request) {
        return CorrectiveCaseView.ActionView.of(corrective.progress(actionId, request.status()));
    }

    record StatusChange(@NotNull(message = "is required") CorrectiveActionStatus status) {
    }
}
