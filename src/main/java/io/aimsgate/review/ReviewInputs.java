package io.aimsgate.review;

import io.aimsgate.objectives.ObjectiveService;
import io.aimsgate.objectives.ObjectiveStatus;
import io.aimsgate.objectives.ObjectiveView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compiles the inputs of a management review (clause 9.3.2) from the platform's own records since the previous
 * review: the status of actions from previous reviews; changes in issues (systems registered, retired or raised to
 * the high-risk tier, new high and critical risks, policies published); the performance of the AIMS (nonconformities
 * and corrective actions, monitoring results, audit results, objectives); incidents; and opportunities for
 * improvement derived from all of these. Read-only SQL over the other modules' tables, like the governance KPIs.
 */
@Component
@Transactional(readOnly = true)
class ReviewInputs {

    private final JdbcTemplate jdbc;
    private final ObjectiveService objectives;
    private final ReviewActionRepository actions;
    private final Clock clock;

    ReviewInputs(JdbcTemplate jdbc, ObjectiveService objectives, ReviewActionRepository actions, Clock clock) {
        this.jdbc = jdbc;
        this.objectives = objectives;
        this.actions = actions;
        this.clock = clock;
    }

    /** The inputs for a review covering {@code from} until now; {@code reviewId} is excluded from previous actions. */
    Map<String, Object> compile(Instant from, Long reviewId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Timestamp since = Timestamp.from(from);
        List<String> opportunities = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("periodFrom", from.toString());
        inputs.put("compiledAt", now.toString());

        // a) the status of actions from previous management reviews
        List<ReviewAction> previous = reviewId == null ? actions.findAllByOrderById()
                : actions.findByReviewIdNotOrderById(reviewId);
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReviewAction action : previous) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reviewId", action.getReviewId());
            item.put("title", action.getTitle());
            item.put("owner", action.getOwner());
            item.put("dueDate", action.getDueDate().toString());
            item.put("status", action.getStatus());
            item.put("overdue", action.isOverdue(today));
            item.put("outcome", action.getOutcome());
            items.add(item);
            if (action.isOverdue(today)) {
                opportunities.add("Review action overdue since " + action.getDueDate() + ": " + action.getTitle()
                        + " (" + action.getOwner() + ")");
            }
        }
        inputs.put("previousActions", Map.of("total", previous.size(),
                "open", previous.stream().filter(a -> ReviewAction.OPEN.equals(a.getStatus())).count(),
                "overdue", previous.stream().filter(a -> a.isOverdue(today)).count(), "items", items));

        // b) changes in external and internal issues relevant to the AIMS
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("systemsRegistered", jdbc.queryForList(
                "SELECT name FROM ai_system WHERE created_at >= ? ORDER BY name", String.class, since));
        changes.put("highRiskTierSystems", count("SELECT COUNT(*) FROM ai_system WHERE eu_ai_act_tier = 'HIGH'"));
        changes.put("systemsRetiredInPeriod", count("SELECT COUNT(*) FROM gate_run WHERE kind = 'RETIREMENT' "
                + "AND status = 'PASSED' AND decided_at >= ?", since));
        changes.put("newHighOrCriticalRisks", count("SELECT COUNT(*) FROM risk WHERE created_at >= ? "
                + "AND inherent_severity IN ('HIGH', 'CRITICAL')", since));
        changes.put("policiesPublished", jdbc.query("""
                SELECT d.document_key, v.version_number FROM policy_version v JOIN policy_document d
                    ON d.id = v.document_id WHERE v.published_at >= ? ORDER BY d.document_key, v.version_number
                """, (rs, n) -> rs.getString(1) + " v" + rs.getInt(2), since));
        inputs.put("changesInIssues", changes);

        // c) performance of the AIMS
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("nonconformities", Map.of(
                "raisedInPeriod", count("SELECT COUNT(*) FROM nonconformity WHERE raised_at >= ?", since),
                "closedInPeriod", count("SELECT COUNT(*) FROM nonconformity WHERE closed_at >= ?", since),
                "open", count("SELECT COUNT(*) FROM nonconformity WHERE status <> 'CLOSED'")));
        long overdueCorrective = count("SELECT COUNT(*) FROM corrective_action WHERE status <> 'DONE' "
                + "AND due_date < ?", java.sql.Date.valueOf(today));
        performance.put("correctiveActions", Map.of(
                "open", count("SELECT COUNT(*) FROM corrective_action WHERE status <> 'DONE'"),
                "overdue", overdueCorrective,
                "doneInPeriod", count("SELECT COUNT(*) FROM corrective_action WHERE completed_at >= ?", since)));
        if (overdueCorrective > 0) {
            opportunities.add(overdueCorrective + " corrective action(s) past their due date");
        }
        long breaches = count("SELECT COUNT(*) FROM monitoring_reading WHERE measured_at >= ? AND breached = TRUE",
                since);
        performance.put("monitoring", Map.of(
                "readingsInPeriod", count("SELECT COUNT(*) FROM monitoring_reading WHERE measured_at >= ?", since),
                "breachesInPeriod", breaches,
                "systemsWithBreaches", jdbc.queryForList("""
                        SELECT DISTINCT s.name FROM monitoring_reading m JOIN ai_system s ON s.id = m.system_id
                         WHERE m.measured_at >= ? AND m.breached = TRUE ORDER BY s.name
                        """, String.class, since)));
        if (breaches > 0) {
            opportunities.add(breaches + " monitoring reading(s) breached an objective of their system");
        }
        performance.put("auditResults", auditResults(since));
        List<Map<String, Object>> objectiveStatus = new ArrayList<>();
        for (ObjectiveView objective : objectives.current()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", objective.code());
            item.put("title", objective.title());
            item.put("status", objective.status().name());
            item.put("value", objective.currentValue());
            item.put("target", objective.target());
            item.put("direction", objective.direction().name());
            item.put("dueDate", objective.dueDate().toString());
            objectiveStatus.add(item);
            if (objective.status() == ObjectiveStatus.NOT_MET || objective.status() == ObjectiveStatus.MISSED) {
                opportunities.add("Objective " + objective.code() + " " + objective.status() + ": "
                        + objective.currentValue() + " against " + objective.direction() + " " + objective.target());
            }
        }
        performance.put("objectives", objectiveStatus);
        inputs.put("performance", performance);

        // d) incidents (the standard's "nonconformities" of operation, A.8.4) since the previous review
        Map<String, Object> incidents = new LinkedHashMap<>();
        incidents.put("reportedInPeriod", count("SELECT COUNT(*) FROM incident WHERE reported_at >= ?", since));
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        jdbc.query("SELECT COALESCE(severity, 'UNCLASSIFIED'), COUNT(*) FROM incident WHERE reported_at >= ? "
                + "GROUP BY COALESCE(severity, 'UNCLASSIFIED') ORDER BY 1", rs -> {
                    bySeverity.put(rs.getString(1), rs.getLong(2));
                }, since);
        incidents.put("bySeverity", bySeverity);
        incidents.put("seriousInPeriod", count("SELECT COUNT(*) FROM incident WHERE reported_at >= ? "
                + "AND serious_incident = TRUE", since));
        long openIncidents = count("SELECT COUNT(*) FROM incident WHERE status <> 'CLOSED'");
        incidents.put("open", openIncidents);
        incidents.put("containmentSlaMissedInPeriod", count("SELECT COUNT(*) FROM incident WHERE reported_at >= ? "
                + "AND containment_due_at IS NOT NULL AND (contained_at > containment_due_at "
                + "OR (contained_at IS NULL AND containment_due_at < ?))", since, Timestamp.from(now)));
        inputs.put("incidents", incidents);

        // e) opportunities for improvement
        long unacknowledged = count("""
                SELECT COUNT(*) FROM policy_acknowledgement a JOIN policy_version v ON v.id = a.version_id
                 WHERE v.status = 'PUBLISHED' AND a.acknowledged_at IS NULL
                """);
        if (unacknowledged > 0) {
            opportunities.add(unacknowledged + " acknowledgement(s) of policies in force still outstanding");
        }
        long openHigh = count("SELECT COUNT(*) FROM risk WHERE status IN ('OPEN', 'IN_TREATMENT') "
                + "AND current_severity IN ('HIGH', 'CRITICAL')");
        if (openHigh > 0) {
            opportunities.add(openHigh + " high or critical risk(s) open without treatment completed");
        }
        inputs.put("opportunitiesForImprovement", opportunities);
        return inputs;
    }

    /**
     * Audit results: the nonconformities raised by internal and external audits in the period and the corrective
     * actions they opened (clause 9.2 reports into 9.3).
     */
    private Map<String, Object> auditResults(Timestamp since) {
        List<Map<String, Object>> findings = jdbc.query("""
                SELECT id, source, requirement, status, raised_at FROM nonconformity
                 WHERE source IN ('INTERNAL_AUDIT', 'EXTERNAL_AUDIT') AND raised_at >= ? ORDER BY raised_at, id
                """, (rs, n) -> {
                    Map<String, Object> finding = new LinkedHashMap<>();
                    finding.put("nonconformityId", rs.getLong("id"));
                    finding.put("source", rs.getString("source"));
                    finding.put("requirement", rs.getString("requirement"));
                    finding.put("status", rs.getString("status"));
                    finding.put("raisedAt", rs.getObject("raised_at", OffsetDateTime.class).toInstant().toString());
                    return finding;
                }, since);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("nonconformitiesFromAuditsInPeriod", findings.size());
        results.put("findings", findings);
        return results;
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
