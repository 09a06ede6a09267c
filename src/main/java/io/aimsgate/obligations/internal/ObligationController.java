package io.aimsgate.obligations.internal;

import io.aimsgate.inception.AnnexIIIArea;
import io.aimsgate.inception.InceptionScreening;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.obligations.OrganisationRole;
import io.aimsgate.obligations.internal.ObligationCatalogue.Condition;
import io.aimsgate.obligations.internal.ObligationCatalogue.Milestone;
import io.aimsgate.obligations.internal.ObligationCatalogue.Obligation;
import io.aimsgate.obligations.internal.ObligationCatalogue.Route;
import io.aimsgate.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/systems/{systemId}/obligations: the EU AI Act obligations that bind the organisation for this system, each
 * with the date from which it applies and whether it applies on the given day (default today), from the data file
 * {@code obligations/eu-ai-act.json}. The tier is the system's (set by the inception gate); the high-risk route
 * (Annex III area, Annex I safety component) and the conditions (interacts with people, generates synthetic content)
 * come from its latest inception screening. The role is the organisation's: a third-party system is one it deploys
 * (DEPLOYER); an in-house system one it provides and, by default, also deploys ({@code aims.obligations.in-house-roles});
 * {@code ?role=} asks for one role.
 */
@RestController
class ObligationController {

    private final ObligationCatalogue catalogue;
    private final InventoryService inventory;
    private final InceptionService inception;
    private final Set<OrganisationRole> inHouseRoles;
    private final Clock clock;

    ObligationController(ObligationCatalogue catalogue, InventoryService inventory, InceptionService inception,
            @Value("${aims.obligations.in-house-roles:PROVIDER,DEPLOYER}") List<OrganisationRole> inHouseRoles,
            Clock clock) {
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.inception = inception;
        this.inHouseRoles = inHouseRoles.isEmpty() ? EnumSet.of(OrganisationRole.PROVIDER)
                : EnumSet.copyOf(inHouseRoles);
        this.clock = clock;
    }

    @Operation(summary = "A system's EU AI Act obligations",
            description = "The obligations that apply to the system by its tier and the organisation's role (PROVIDER for in-house systems, DEPLOYER for third-party ones and, by default, in-house ones too; role asks for one), each with the date from which it applies (as amended by Regulation (EU) 2026/1744) and whether it applies on the day given as at (default today). The dates are data (obligations/eu-ai-act.json).")
    @GetMapping("/api/systems/{systemId}/obligations")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    ObligationsView obligations(@PathVariable Long systemId, @RequestParam(required = false) OrganisationRole role,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        AiSystem system = inventory.requireSystem(systemId);
        LocalDate day = at == null ? LocalDate.now(clock) : at;
        if (day.getYear() < 2024 || day.getYear() > 2100) {
            throw new InvalidInputException("at", "must be a date between 2024 and 2100");
        }
        Set<OrganisationRole> roles = system.getSupplierType() == SupplierType.THIRD_PARTY
                ? EnumSet.of(OrganisationRole.DEPLOYER) : EnumSet.copyOf(inHouseRoles);
        String rolesFrom = "supplierType " + system.getSupplierType();
        if (role != null) {
            roles = EnumSet.of(role);
            rolesFrom = "request";
        }
        EuAiActTier tier = system.getEuAiActTier();
        Optional<InceptionScreening> screening = inception.latestScreeningOf(systemId);
        Set<Route> routes = EnumSet.noneOf(Route.class);
        screening.ifPresent(s -> {
            if (s.getAnnexIiiArea() != null && s.getAnnexIiiArea() != AnnexIIIArea.NONE) {
                routes.add(Route.ANNEX_III);
            }
            if (s.isSafetyComponent()) {
                routes.add(Route.ANNEX_I);
            }
        });
        boolean routeKnown = !routes.isEmpty();
        Set<Route> considered = routeKnown ? routes : EnumSet.allOf(Route.class);
        Set<OrganisationRole> chosen = roles;
        List<ObligationView> applying = tier == null ? List.of() : catalogue.obligations().stream()
                .filter(o -> o.tiers().contains(tier))
                .filter(o -> o.roles().stream().anyMatch(chosen::contains))
                .filter(o -> o.condition() == null || holds(o.condition(), system, screening))
                .map(o -> view(o, chosen, considered, day))
                .sorted(Comparator.comparing(ObligationView::appliesFrom).thenComparing(ObligationView::id))
                .toList();
        return new ObligationsView(system.getId(), system.getName(), tier, List.copyOf(roles), rolesFrom,
                tier == EuAiActTier.HIGH ? List.copyOf(considered) : List.of(), tier != EuAiActTier.HIGH || routeKnown,
                catalogue.law(), day, applying.stream().filter(ObligationView::inForce).count(), applying,
                catalogue.milestones().values().stream().toList());
    }

    /** Without a screening, a TRANSPARENCY tier means it talks to people, a generative system that it generates. */
    private static boolean holds(Condition condition, AiSystem system, Optional<InceptionScreening> screening) {
        return switch (condition) {
            case INTERACTS_WITH_PEOPLE -> screening.map(InceptionScreening::isInteractsWithPeople)
                    .orElse(system.getEuAiActTier() == EuAiActTier.TRANSPARENCY);
            case GENERATES_SYNTHETIC_CONTENT -> screening.map(InceptionScreening::isGeneratesSyntheticContent)
                    .orElse(system.getAiType() == AiType.GENERATIVE);
            case ANNEX_III_ESSENTIAL_SERVICES -> screening.map(s -> s.getAnnexIiiArea() == AnnexIIIArea.ESSENTIAL_SERVICES)
                    .orElse(false);
        };
    }

    /** Where the routes of the system give different dates, the earliest applies (it binds from then). */
    private static ObligationView view(Obligation o, Set<OrganisationRole> roles, Set<Route> routes, LocalDate day) {
        Milestone from = routes.stream().map(o.from()::get).min(Comparator.comparing(Milestone::date)).orElseThrow();
        return new ObligationView(o.id(), o.articles(), o.title(),
                o.roles().stream().filter(roles::contains).toList(), from.date(), from.id(), from.was(),
                !from.date().isAfter(day));
    }

    record ObligationView(String id, List<String> articles, String title, List<OrganisationRole> roles,
            LocalDate appliesFrom, String milestone, LocalDate appliedFromBeforeAmendment, boolean inForce) {
    }

    record ObligationsView(Long systemId, String systemName, EuAiActTier tier, List<OrganisationRole> roles,
            String rolesFrom, List<Route> highRiskRoutes, boolean routeKnown, String law, LocalDate asOf,
            long inForceCount, List<ObligationView> obligations, List<Milestone> milestones) {
    }
}
