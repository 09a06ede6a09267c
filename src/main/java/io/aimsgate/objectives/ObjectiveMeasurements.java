package io.aimsgate.objectives;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes each {@link ObjectiveMetric} from the platform's own records (the inventory, gate runs, impact
 * assessments, incidents and validation runs), as read-only SQL over those tables like the governance KPIs.
 */
@Component
@Transactional(readOnly = true)
public class ObjectiveMeasurements {

    /** A measured value (null when there is nothing to measure) and the size of the sample it was taken over. */
    public record Measurement(Double value, int sampleSize) {
    }

    private final JdbcTemplate jdbc;

    ObjectiveMeasurements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Measurement measure(ObjectiveMetric metric) {
        return switch (metric) {
            case HIGH_RISK_DEPLOYMENTS_WITH_APPROVED_IMPACT_ASSESSMENT -> highRiskWithImpactAssessment();
            case MEDIAN_DAYS_TO_CONTAINMENT -> medianDaysToContainment();
            case MODELS_MEETING_FAIRNESS_AT_VALIDATION -> fairnessAtValidation();
        };
    }

    private Measurement highRiskWithImpactAssessment() {
        List<Boolean> assessed = jdbc.query("""
                SELECT CASE WHEN EXISTS (SELECT 1 FROM impact_assessment ia JOIN gate_run i ON i.id = ia.gate_id
                                         WHERE ia.system_id = s.id AND i.kind = 'INCEPTION' AND i.status = 'PASSED')
                            THEN 1 ELSE 0 END AS assessed
                  FROM ai_system s
                 WHERE s.eu_ai_act_tier = 'HIGH'
                   AND EXISTS (SELECT 1 FROM gate_run d
                               WHERE d.system_id = s.id AND d.kind = 'DEPLOYMENT' AND d.status = 'PASSED')
                """, (rs, n) -> rs.getInt("assessed") == 1);
        return share(assessed);
    }

    private Measurement medianDaysToContainment() {
        List<Double> days = jdbc.query("SELECT reported_at, contained_at FROM incident WHERE contained_at IS NOT NULL",
                (rs, n) -> Duration.between(rs.getObject("reported_at", OffsetDateTime.class),
                        rs.getObject("contained_at", OffsetDateTime.class)).toSeconds() / 86400.0);
        return new Measurement(median(days), days.size());
    }

    private Measurement fairnessAtValidation() {
        record Row(long runId, long systemId, String version, OffsetDateTime submittedAt, boolean breached) {
        }
        List<Row> rows = jdbc.query("""
                SELECT r.id, r.system_id, r.version_label, r.submitted_at, m.breached
                  FROM validation_run r JOIN validation_metric m ON m.validation_id = r.id
                 WHERE m.kind = 'FAIRNESS'
                """, (rs, n) -> new Row(rs.getLong("id"), rs.getLong("system_id"), rs.getString("version_label"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getBoolean("breached")));
        // the latest validation run with fairness metrics of each model version decides for that version
        Map<String, Row> latest = new HashMap<>();
        for (Row row : rows) {
            latest.merge(row.systemId() + "@" + row.version(), row, (a, b) -> later(a.submittedAt(), a.runId(),
                    b.submittedAt(), b.runId()) ? a : b);
        }
        List<Boolean> met = new ArrayList<>();
        for (Row version : latest.values()) {
            met.add(rows.stream().filter(r -> r.runId() == version.runId()).noneMatch(Row::breached));
        }
        return share(met);
    }

    private static boolean later(OffsetDateTime a, long aId, OffsetDateTime b, long bId) {
        int order = a.compareTo(b);
        return order > 0 || (order == 0 && aId > bId);
    }

    static Measurement share(List<Boolean> outcomes) {
        if (outcomes.isEmpty()) {
            return new Measurement(null, 0);
        }
        long yes = outcomes.stream().filter(Boolean::booleanValue).count();
        return new Measurement(round((double) yes / outcomes.size()), outcomes.size());
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return round(median);
    }

    private static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
