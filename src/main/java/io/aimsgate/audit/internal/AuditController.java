package io.aimsgate.audit.internal;

import io.aimsgate.audit.ChainCheck;
import io.aimsgate.audit.CheckpointView;
import io.aimsgate.shared.ledger.LedgerEntryView;
import io.aimsgate.audit.PublicKeyView;
import io.aimsgate.audit.SigningKeys;
import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.aimsgate.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision ledger over HTTP (docs/api.md, "Decision ledger"): entries with filters and paging, verification,
 * public keys, checkpoints on demand.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 200;

    private final LedgerStore store;
    private final LedgerVerification verification;
    private final Checkpoints checkpoints;
    private final SigningKeys keys;
    private final CurrentUser currentUser;

    AuditController(LedgerStore store, LedgerVerification verification, Checkpoints checkpoints, SigningKeys keys,
            CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.store = store;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /** The shape of every paged list of this API ({@code content}, {@code page}). */
    record EntryPage(List<LedgerEntryView> content, PageInfo page) {
    }

    record PageInfo(int size, int number, long totalElements, long totalPages) {
    }

    /** Newest first. {@code from} and {@code to} are dates (UTC), {@code to} inclusive. */
    @Operation(summary = "List decision ledger entries",
            description = "Entries of the tamper-evident decision ledger, newest first, filtered by system, actor, kind and "
                    + "period, with paging. Each entry carries its sequence, canonical snapshot, previous hash and hash "
                    + "(docs/ledger.md).")
    @GetMapping
    @PreAuthorize("hasAnyAuthority('governance-board', 'auditors', 'camunda-admin')")
    @Transactional(readOnly = true)
    EntryPage list(@RequestParam(required = false) Long systemId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "'page' must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "'size' must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "'to' must not be before 'from'");
        }
        if (actor != null && (actor.isBlank() || actor.length() > 255)) {
            throw new InvalidInputException("actor", "'actor' must be a user id of 1 to 255 characters");
        }
        if (kind != null && !kind.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new InvalidInputException("kind", "'kind' must be an entry kind such as GATE_APPROVED");
        }
        Instant start = from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        LedgerStore.Filter filter = new LedgerStore.Filter(systemId, actor, kind, start, end);
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "'page' is too large");
        }
        long total = store.count(filter);
        return new EntryPage(store.find(filter, page, size), new PageInfo(size, page, total, (total + size - 1) / size));
    }

    @Operation(summary = "Verify the decision ledger",
            description = "Recomputes every entry's hash and the chain links, and checks every signed checkpoint against "
                    + "the organisation's public keys; names the first broken link (docs/ledger.md).")
    @GetMapping("/verify")
    @PreAuthorize("hasAnyAuthority('governance-board', 'auditors', 'camunda-admin')")
    ChainCheck.Result verify() {
        return verification.verify();
    }

    @Operation(summary = "Public keys of the organisation's signing keys",
            description = "The public keys (X.509 SubjectPublicKeyInfo, Base64) that sign ledger checkpoints and evidence "
                    + "packs, with their validity periods, so anyone can check a signature offline.")
    @GetMapping("/keys")
    @PreAuthorize("@access.isParticipant()")
    List<PublicKeyView> keys() {
        return keys.publicKeys();
    }

    /** Records who asks for a checkpoint and why, and signs the chain head with that entry. */
    @Operation(summary = "Sign a ledger checkpoint now",
            description = "Signs the current head of the chain (sequence, hash, time) on demand, e.g. before an audit "
                    + "sample; the request with its reason is itself a ledger entry.")
    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('governance-board', 'camunda-admin')")
    CheckpointView checkpoint(@Valid @RequestBody CheckpointRequest body) {
        return checkpoints.onDemand(body.reason(), currentUser.isMemberOf("governance-board") ? "governance-board"
                : "camunda-admin");
    }

    record CheckpointRequest(@NotBlank(message = "is required") @Size(min = 10, max = 2000,
            message = "must be 10 to 2000 characters") String reason) {
    }
}
