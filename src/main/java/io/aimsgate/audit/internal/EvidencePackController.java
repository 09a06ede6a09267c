package io.aimsgate.audit.internal;

import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/systems/{systemId}/evidence-pack}: the auditors' and the governance board's take-away. */
@RestController
class EvidencePackController {

    private final EvidencePack packs;
    private final CurrentUser currentUser;

    EvidencePackController(EvidencePack packs, CurrentUser currentUser) {
        this.packs = packs;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Download the evidence pack of an AI system",
            description = "A ZIP an auditor can check offline (java -jar aims-gate.jar verify-pack pack.zip): a signed "
                    + "MANIFEST of SHA-256 sums, the system's ledger entries with the chain links to a signed checkpoint, "
                    + "the public keys, the gate history from the engine, the risk register and every evidence "
                    + "revision (docs/ledger.md).")
    @GetMapping("/api/systems/{systemId}/evidence-pack")
    @PreAuthorize("hasAnyAuthority('governance-board', 'auditors')")
    ResponseEntity<StreamingResponseBody> pack(@PathVariable long systemId) {
        EvidencePack.Plan plan = packs.plan(systemId, currentUser.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-pack-system-" + systemId + "-to-" + plan.toSequence() + ".zip").build()
                        .toString())
                .body(out -> packs.write(plan, out));
    }
}
