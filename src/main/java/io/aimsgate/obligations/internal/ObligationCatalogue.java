package io.aimsgate.obligations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.obligations.OrganisationRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The EU AI Act obligations and their application dates, from {@code obligations/eu-ai-act.json}: milestones (a date
 * each, e.g. HIGH_RISK_ANNEX_III from 2027-12-02 as amended by Regulation (EU) 2026/1744) and obligations (articles,
 * our summary, the tiers and roles they bind, an optional condition, and the milestone from which they apply, per
 * high-risk route where it differs). Read and checked once at start-up: an obligation naming an unknown milestone,
 * tier, role or condition stops the application.
 */
@Component
class ObligationCatalogue {

    static final String FILE = "obligations/eu-ai-act.json";

    /** The high-risk routes: Annex III areas, and Annex I (safety component of a regulated product). */
    enum Route {
        ANNEX_III, ANNEX_I
    }

    /** What the system must show for a conditional obligation to apply. */
    enum Condition {
        INTERACTS_WITH_PEOPLE, GENERATES_SYNTHETIC_CONTENT, ANNEX_III_ESSENTIAL_SERVICES
    }

    record Milestone(String id, LocalDate date, LocalDate was, String what) {
    }

    /** {@code from} holds the milestone per route; an obligation that does not depend on a route has one for each. */
    record Obligation(String id, List<String> articles, String title, Set<EuAiActTier> tiers,
            Set<OrganisationRole> roles, Condition condition, Map<Route, Milestone> from) {
    }

    private final String law;
    private final Map<String, Milestone> milestones = new LinkedHashMap<>();
    private final List<Obligation> obligations = new ArrayList<>();

    ObligationCatalogue() {
        this(FILE);
    }

    ObligationCatalogue(String resource) {
        try (InputStream in = ObligationCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            law = root.get("law").asText();
            root.get("milestones").fields().forEachRemaining(entry -> {
                JsonNode m = entry.getValue();
                milestones.put(entry.getKey(), new Milestone(entry.getKey(), LocalDate.parse(m.get("date").asText()),
                        m.hasNonNull("was") ? LocalDate.parse(m.get("was").asText()) : null, m.get("what").asText()));
            });
            for (JsonNode o : root.get("obligations")) {
                obligations.add(obligation(o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }

    private Obligation obligation(JsonNode o) {
        String id = o.get("id").asText();
        List<String> articles = new ArrayList<>();
        o.get("articles").forEach(a -> articles.add(a.asText()));
        Set<EuAiActTier> tiers = EnumSet.noneOf(EuAiActTier.class);
        o.get("tiers").forEach(t -> tiers.add(EuAiActTier.valueOf(t.asText())));
        Set<OrganisationRole> roles = EnumSet.noneOf(OrganisationRole.class);
        o.get("roles").forEach(r -> roles.add(OrganisationRole.valueOf(r.asText())));
        Map<Route, Milestone> from = new LinkedHashMap<>();
        JsonNode fromNode = o.get("from");
        for (Route route : Route.values()) {
            String milestone = fromNode.isTextual() ? fromNode.asText()
                    : fromNode.hasNonNull(route.name()) ? fromNode.get(route.name()).asText() : null;
            if (milestone == null) {
                throw new IllegalStateException(FILE + ": obligation " + id + " names no milestone for " + route);
            }
            Milestone m = milestones.get(milestone);
            if (m == null) {
                throw new IllegalStateException(FILE + ": obligation " + id + " names unknown milestone " + milestone);
            }
            from.put(route, m);
        }
        Condition condition = o.hasNonNull("condition") ? Condition.valueOf(o.get("condition").asText()) : null;
        return new Obligation(id, List.copyOf(articles), o.get("title").asText(), tiers, roles, condition, from);
    }

    String law() {
        return law;
    }

    Map<String, Milestone> milestones() {
        return milestones;
    }

    List<Obligation> obligations() {
        return obligations;
    }
}
