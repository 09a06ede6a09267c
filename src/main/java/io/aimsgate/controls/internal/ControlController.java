package io.aimsgate.controls.internal;

import io.aimsgate.controls.ControlDecision;
import io.aimsgate.controls.ControlRecord;
import io.aimsgate.controls.ImplementationStatus;
import io.aimsgate.controls.internal.Crosswalk.Framework;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controls register: /api/controls (the Annex A catalogue with its crosswalk and what the organisation recorded
 * per control), the risks each control treats, its evidence, and the gaps (controls treating no risk, HIGH risks no
 * control treats).
 */
@RestController
@RequestMapping("/api/controls")
class ControlController {

    static final String MAINTAINERS = "hasAnyAuthority('governance-board', 'ai-product-owners', 'security')";

    private final ControlRegister register;
    private final Crosswalk crosswalk;
    private final CurrentUser currentUser;

    ControlController(ControlRegister register, Crosswalk crosswalk, CurrentUser currentUser) {
        this.register = register;
        this.crosswalk = crosswalk;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List the Annex A controls",
            description = "The 38 ISO/IEC 42001 Annex A controls with the crosswalk (EU AI Act as amended, NIST AI RMF, NIST AI 600-1, ISO/IEC 27001:2022) and what the organisation recorded for each. framework (EU_AI_ACT, NIST_AI_RMF, NIST_AI_600_1, ISO_27001) keeps the controls that map to it; q searches id, title, description, objective and the references.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    List<ControlView> list(@RequestParam(required = false) String framework,
            @RequestParam(required = false) String q) {
        Optional<Framework> chosen = Optional.empty();
        if (framework != null) {
            chosen = Optional.of(Framework.of(framework).orElseThrow(() -> new InvalidInputException("framework",
                    "must be one of EU_AI_ACT, NIST_AI_RMF, NIST_AI_600_1, ISO_27001")));
        }
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        Optional<Framework> only = chosen;
        return register.all().stream().map(this::view)
                .filter(v -> only.isEmpty() || !v.crosswalk().get(only.get().name()).isEmpty())
                .filter(v -> needle == null || matches(v, needle, only)).toList();
    }

    @Operation(summary = "Read a control",
            description = "One Annex A control (e.g. A.6.2.4) with its crosswalk, record, risks treated and evidence.")
    @GetMapping("/{controlId}")
    @PreAuthorize("@access.isParticipant()")
    ControlView get(@PathVariable String controlId) {
        return view(register.require(controlId));
    }

    @Operation(summary = "Record a control's applicability",
            description = "Records whether the control is applicable, the justification (required either way), the implementation status (PLANNED, PARTIAL, IMPLEMENTED; NOT_APPLICABLE for, and only for, an excluded control) and the owner (required when applicable). Recorded in the decision ledger; the next SoA version freezes it.")
    @PutMapping("/{controlId}")
    @PreAuthorize(MAINTAINERS)
    ControlView decide(@PathVariable String controlId, @Valid @RequestBody DecisionFields request) {
        return view(register.decide(controlId, new ControlDecision(request.applicable(), request.justification(),
                request.implementationStatus(), request.owner()), currentUser.id()));
    }

    @Operation(summary = "Set the risks a control treats",
            description = "Replaces the set of risks (of any system) the control treats; each risk then shows the control under treatedByControls. Every id must name a risk.")
    @PutMapping("/{controlId}/risks")
    @PreAuthorize(MAINTAINERS)
    ControlView treatRisks(@PathVariable String controlId, @Valid @RequestBody RiskLinks request) {
        return view(register.treatRisks(controlId, new LinkedHashSet<>(request.riskIds()), currentUser.id()));
    }

    @Operation(summary = "Set a control's evidence",
            description = "Replaces the set of evidence files (ids of the evidence store, /api/evidence) that show the control at work.")
    @PutMapping("/{controlId}/evidence")
    @PreAuthorize(MAINTAINERS)
    ControlView linkEvidence(@PathVariable String controlId, @Valid @RequestBody EvidenceLinks request) {
        return view(register.linkEvidence(controlId, new LinkedHashSet<>(request.evidenceFileIds()),
                currentUser.id()));
    }

    @Operation(summary = "Applicable controls that treat no risk",
            description = "The controls recorded as applicable that no risk of the register is linked to.")
    @GetMapping("/treating-no-risk")
    @PreAuthorize("@access.isParticipant()")
    List<ControlView> treatingNoRisk() {
        return register.applicableWithoutRisk().stream().map(this::view).toList();
    }

    @Operation(summary = "HIGH risks that no control treats",
            description = "Every risk not CLOSED whose current severity is HIGH or CRITICAL and that no control treats, by system.")
    @GetMapping("/untreated-high-risks")
    @PreAuthorize("@access.isParticipant()")
    List<UntreatedRiskView> untreatedHighRisks() {
        return register.severeRisksWithoutControl().stream().map(UntreatedRiskView::of).toList();
    }

    private ControlView view(ControlRecord c) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        crosswalk.of(c.controlId()).forEach((framework, values) -> refs.put(framework.name(), values));
        return new ControlView(c.controlId(), c.objectiveId(), c.objectiveTitle(), c.title(), c.description(),
                c.applicable(), c.justification(), c.implementationStatus(), c.owner(), c.riskIds(),
                c.evidenceFileIds(), c.changedBy(), c.changedAt(), refs);
    }

    private static boolean matches(ControlView v, String needle, Optional<Framework> only) {
        List<String> refs = only.map(f -> v.crosswalk().get(f.name()))
                .orElseGet(() -> v.crosswalk().values().stream().flatMap(List::stream).toList());
        if (refs.stream().anyMatch(ref -> ref.toLowerCase(Locale.ROOT).contains(needle))) {
            return true;
        }
        return only.isEmpty() && (v.controlId().toLowerCase(Locale.ROOT).equals(needle)
                || v.title().toLowerCase(Locale.ROOT).contains(needle)
                || v.description().toLowerCase(Locale.ROOT).contains(needle)
                || v.objectiveTitle().toLowerCase(Locale.ROOT).contains(needle)
                || v.controlId().toLowerCase(Locale.ROOT).startsWith(needle + "."));
    }

    record DecisionFields(
            @NotNull(message = "is required") Boolean applicable,
            @NotBlank(message = "is required") @Size(min = 10, max = 4000, message = "must be 10 to 4000 characters")
            @MultiLine String justification,
            @NotNull(message = "is required") ImplementationStatus implementationStatus,
            @Size(max = 100) String owner) {
    }

    record RiskLinks(@NotNull(message = "is required") @Size(max = 500) List<@NotNull @Positive Long> riskIds) {
    }

    record EvidenceLinks(@NotNull(message = "is required") @Size(max = 500)
            List<@NotNull @Positive Long> evidenceFileIds) {
    }

    record ControlView(String controlId, String objectiveId, String objectiveTitle, String title, String description,
            Boolean applicable, String justification, ImplementationStatus implementationStatus, String owner,
            List<Long> riskIds, List<Long> evidenceFileIds, String changedBy, Instant changedAt,
            Map<String, List<String>> crosswalk) {
    }

    record UntreatedRiskView(Long riskId, Long systemId, String title, Severity currentSeverity, RiskStatus status) {

        static UntreatedRiskView of(Risk r) {
            return new UntreatedRiskView(r.getId(), r.getSystemId(), r.getTitle(), r.getCurrentSeverity(),
                    r.getStatus());
        }
    }
}
