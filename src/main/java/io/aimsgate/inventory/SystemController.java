package io.aimsgate.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** AI system inventory: /api/systems. Product owners and the board maintain it; every RACI group reads it. */
@RestController
@RequestMapping("/api/systems")
class SystemController {

    static final String LABEL = "^[^|]{1,60}$";

    private final InventoryService inventory;
    private final CurrentUser currentUser;

    SystemController(InventoryService inventory, CurrentUser currentUser) {
        this.inventory = inventory;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Register an AI system",
            description = "Adds an AI system to the inventory (ISO/IEC 42001 A.4). The creator is the caller; the EU AI Act tier may be changed later only through the inception gate or by an update.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'governance-board')")
    SystemView create(@Valid @RequestBody SystemFields request) {
        LifecycleStage stage = request.lifecycleStage() == null ? LifecycleStage.INCEPTION : request.lifecycleStage();
        return SystemView.of(inventory.createSystem(request.toDetails(), stage, currentUser.id()));
    }

    @Operation(summary = "Update an AI system",
            description = "Replaces the system's descriptive fields (name, intended use, owner, tier, data categories).")
    @PutMapping("/{systemId}")
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'governance-board')")
    SystemView update(@PathVariable Long systemId, @Valid @RequestBody SystemFields request) {
        if (request.lifecycleStage() != null
                && request.lifecycleStage() != inventory.requireSystem(systemId).getLifecycleStage()) {
            throw new InvalidInputException("lifecycleStage", "The life-cycle stage changes only through the gates.");
        }
        return SystemView.of(inventory.updateSystem(systemId, request.toDetails()));
    }

    @Operation(summary = "Read an AI system",
            description = "The system with its tier and life-cycle stage.")
    @GetMapping("/{systemId}")
    @PreAuthorize("@access.isParticipant()")
    SystemView get(@PathVariable Long systemId) {
        return SystemView.of(inventory.requireSystem(systemId));
    }

    @Operation(summary = "List AI systems",
            description = "The inventory, one page at a time; filter by EU AI Act tier and life-cycle stage.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    Page<SystemView> list(@RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) AiType aiType,
            @RequestParam(required = false) @Size(max = 100) String businessOwner,
            @RequestParam(required = false) @Size(max = 200) String businessUnit,
            @RequestParam(required = false) @Size(max = 200) String q,
            @PageableDefault(size = 20, sort = "name") Pageable pageable) {
        return inventory.findSystems(new SystemFilter(tier, stage, aiType, businessOwner, businessUnit, q), pageable)
                .map(SystemView::of);
    }

    record SystemFields(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @MultiLine @NotBlank(message = "is required") @Size(max = 4000) String intendedUse,
            @NotNull(message = "is required") AiType aiType,
            @NotBlank(message = "is required") @Size(max = 100) String businessOwner,
            @NotBlank(message = "is required") @Size(max = 200) String businessUnit,
            @NotNull(message = "is required") SupplierType supplierType,
            @Size(max = 200) String supplierName,
            @NotNull(message = "is required") EuAiActTier euAiActTier,
            @NotNull(message = "is required") @Size(max = 20)
            List<@NotBlank @Pattern(regexp = LABEL, message = "must be 1-60 characters without '|'") String> dataCategories,
            @NotNull(message = "is required") Boolean processesPersonalData,
            /* Only on creation, for systems registered mid-life; afterwards the gates move it. */
            LifecycleStage lifecycleStage) {

        SystemDetails toDetails() {
            return new SystemDetails(name.strip(), intendedUse, aiType, businessOwner, businessUnit, supplierType,
                    supplierName, euAiActTier, dataCategories, processesPersonalData);
        }
    }

    record SystemView(Long id, String name, String intendedUse, AiType aiType, String businessOwner,
            String businessUnit, SupplierType supplierType, String supplierName, EuAiActTier euAiActTier,
            List<String> dataCategories, boolean processesPersonalData, LifecycleStage lifecycleStage,
            String createdBy, Instant createdAt, Instant updatedAt) {

        static SystemView of(AiSystem s) {
            return new SystemView(s.getId(), s.getName(), s.getIntendedUse(), s.getAiType(), s.getBusinessOwner(),
                    s.getBusinessUnit(), s.getSupplierType(), s.getSupplierName(), s.getEuAiActTier(),
                    s.getDataCategories(), s.isProcessesPersonalData(), s.getLifecycleStage(), s.getCreatedBy(),
                    s.getCreatedAt(), s.getUpdatedAt());
        }
    }
}
