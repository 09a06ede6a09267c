package io.aimsgate.controls.internal;

import io.aimsgate.controls.SoaVersion;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.MultiLine;
import io.aimsgate.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Statement of Applicability: /api/soa/versions (submit a new version, which starts the soa-approval gate; read
 * and export versions) and /api/soa/current (the version in force).
 */
@RestController
@RequestMapping("/api/soa")
class SoaController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SoaVersions versions;
    private final SoaExport export;
    private final RuntimeService runtimeService;

    SoaController(SoaVersions versions, SoaExport export, RuntimeService runtimeService) {
        this.versions = versions;
        this.export = export;
        this.runtimeService = runtimeService;
    }

    /** Starts the gate; its first step freezes the version, so a refusal (409) rolls the start back. */
    @Operation(summary = "Submit a new SoA version",
            description = "Freezes every control's record as the next numbered SoA version and starts its approval (soa-approval: security and legal Consulted, the governance board approves). Refused (409) while a version is in review or a control is undecided, or when basedOnVersionNo is not the version in force. The submitter cannot review or approve it.")
    @PostMapping("/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'governance-board')")
    @Transactional
    SoaVersion submit(@Valid @RequestBody Submission request) {
        if (request.basedOnVersionNo() != null) {
            int inForce = versions.approved().map(SoaVersion::versionNo).orElse(0);
            if (inForce != request.basedOnVersionNo()) {
                throw new ConflictException("basedOnVersionNo", "The SoA version in force is " + (inForce == 0
                        ? "none" : "version " + inForce) + ", not " + request.basedOnVersionNo()
                        + ": review the changes made since, then submit again.");
            }
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(SoaApproval.PROCESS_KEY,
                Variables.createVariables().putValue(SoaDelegates.NOTE.name(), request.note()));
        return versions.byProcessInstance(instance.getId()).orElseThrow(() -> new IllegalStateException(
                "The soa-approval process " + instance.getId() + " froze no version"));
    }

    @Operation(summary = "List SoA versions",
            description = "Every submitted SoA version, newest first, with its status (IN_REVIEW, APPROVED, REJECTED, SUPERSEDED); entries are left out.")
    @GetMapping("/versions")
    @PreAuthorize("@access.isParticipant()")
    List<SoaVersion> list() {
        return versions.list();
    }

    @Operation(summary = "Read an SoA version",
            description = "One SoA version with its frozen entries, one per Annex A control.")
    @GetMapping("/versions/{versionId}")
    @PreAuthorize("@access.isParticipant()")
    SoaVersion get(@PathVariable Long versionId) {
        return versions.require(versionId);
    }

    @Operation(summary = "The SoA in force",
            description = "The last approved SoA version with its entries; 404 while none has been approved.")
    @GetMapping("/current")
    @PreAuthorize("@access.isParticipant()")
    SoaVersion current() {
        return versions.approved().orElseThrow(() -> new NotFoundException("soa",
                "No SoA version has been approved yet."));
    }

    @Operation(summary = "Export an SoA version",
            description = "The version as CSV (one row per control), JSON (the version with its entries) or PDF (format csv, json or pdf).")
    @ApiResponse(responseCode = "200", description = "The export as a download.", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = SoaVersion.class)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/versions/{versionId}/export")
    @PreAuthorize("@access.isParticipant()")
    ResponseEntity<byte[]> export(@PathVariable Long versionId, @RequestParam(required = false) String format) {
        if (format == null) {
            throw new InvalidInputException("format", "is required: csv, json or pdf");
        }
        SoaVersion version = versions.require(versionId);
        String name = "soa-version-" + version.versionNo();
        return switch (format) {
            case "csv" -> download(export.csv(version), CSV, name + ".csv");
            case "json" -> download(export.json(version), MediaType.APPLICATION_JSON, name + ".json");
            case "pdf" -> download(export.pdf(version), MediaType.APPLICATION_PDF, name + ".pdf");
            default -> throw new InvalidInputException("format", "must be csv, json or pdf");
        };
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    /** {@code basedOnVersionNo}: the version in force the submitter worked from (0 for none); a mismatch is 409. */
    record Submission(@NotBlank(message = "is required") @Size(min = 10, max = 2000,
            message = "must be 10 to 2000 characters") @MultiLine String note,
            @Min(value = 0, message = "must be 0 or more") Integer basedOnVersionNo) {
    }
}
