package io.aimsgate.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.shared.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model versions: /api/systems/{id}/versions. A version's status has no setter here: it changes only
 * through the gates (an attempt to send one is an unknown field, 400).
 */
@RestController
@Validated
@RequestMapping("/api/systems/{systemId}/versions")
class VersionController {

    static final String VERSION_LABEL = "^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$";
    static final String SHA256 = "^[A-Fa-f0-9]{64}$";

    private final InventoryService inventory;
    private final CurrentUser currentUser;

    VersionController(InventoryService inventory, CurrentUser currentUser) {
        this.inventory = inventory;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Register a model version",
            description = "Adds a version of the system with the SHA-256 digest of its artifact; it starts REGISTERED and changes status only through the gates.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'ml-engineers')")
    VersionView register(@PathVariable Long systemId, @Valid @RequestBody NewVersion request) {
        return VersionView.of(inventory.registerVersion(systemId, request.versionLabel(), request.artifactSha256(),
                currentUser.id()));
    }

    @Operation(summary = "List a system's versions",
            description = "The system's versions, one page at a time; filter by status.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    Page<VersionView> list(@PathVariable Long systemId, @RequestParam(required = false) VersionStatus status,
            @PageableDefault(size = 20, sort = "createdAt") Pageable pageable) {
        return inventory.findVersions(systemId, status, pageable).map(VersionView::of);
    }

    @Operation(summary = "Read a model version",
            description = "The version with its artifact digest and status.")
    @GetMapping("/{versionLabel}")
    @PreAuthorize("@access.isParticipant()")
    VersionView get(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = VERSION_LABEL, message = "is not a valid version label") String versionLabel) {
        return VersionView.of(inventory.requireVersion(systemId, versionLabel));
    }

    @Operation(summary = "Correct a version's artifact digest",
            description = "Corrects the SHA-256 digest of a version that has not been submitted to the deployment gate (DRAFT), or replaces the artefact of an APPROVED version: its approval was bound to the old digest, so it is invalidated and the version goes to REAPPROVAL_REQUIRED with a re-approval in the deployment gate. 409 in any other status.")
    @PatchMapping("/{versionLabel}")
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'ml-engineers')")
    VersionView correctArtifact(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = VERSION_LABEL, message = "is not a valid version label") String versionLabel,
            @Valid @RequestBody ArtifactCorrection request) {
        return VersionView.of(inventory.replaceArtifact(systemId, versionLabel, request.artifactSha256()));
    }

    record NewVersion(
            @NotBlank(message = "is required")
            @Pattern(regexp = VERSION_LABEL, message = "must be 1-64 letters, digits, '.', '_', '+' or '-'")
            String versionLabel,
            @NotBlank(message = "is required")
            @Pattern(regexp = SHA256, message = "must be a SHA-256 digest: 64 hexadecimal characters")
            String artifactSha256) {
    }

    record ArtifactCorrection(
            @NotBlank(message = "is required")
            @Pattern(regexp = SHA256, message = "must be a SHA-256 digest: 64 hexadecimal characters")
            String artifactSha256) {
    }

    /** {@code heldStatus}: while SUSPENDED, the status the version returns to when the suspension is lifted. */
    record VersionView(Long id, Long systemId, String versionLabel, String artifactSha256, VersionStatus status,
            VersionStatus heldStatus, String createdBy, Instant createdAt, Instant updatedAt, Instant statusChangedAt) {

        static VersionView of(ModelVersion v) {
            return new VersionView(v.getId(), v.getSystemId(), v.getVersionLabel(), v.getArtifactSha256(),
                    v.getStatus(), v.getHeldStatus(), v.getCreatedBy(), v.getCreatedAt(), v.getUpdatedAt(),
                    v.getStatusChangedAt());
        }
    }
}
