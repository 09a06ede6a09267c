package io.aimsgate.risk;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the tally and the assessment must agree with, computed from the register itself as the assessment did before
 * the tally (V5): every risk of the system read, classified against the matrix, counted and sorted.
 */
final class RegisterCountedTheSlowWay {

    private RegisterCountedTheSlowWay() {
    }

    record Row(long id, String title, RiskStatus status, int likelihood, int impact, boolean acceptedByBoard) {
    }

    /** What an assessment must report, but its time. */
    record Expected(long unresolvedHighRiskCount, List<RiskAssessment.BlockingRisk> blockingRisks) {
    }

    static Expected assess(JdbcTemplate jdbc, Long systemId, SeverityMatrix matrix) {
        List<Row> blocking = register(jdbc, systemId).stream()
                .filter(r -> isUnresolved(matrix.severityOf(r.likelihood(), r.impact()), r.status(),
                        r.acceptedByBoard()))
                .sorted(Comparator.comparingInt((Row r) -> r.likelihood() * r.impact()).reversed()
                        .thenComparingLong(Row::id))
                .toList();
        List<RiskAssessment.BlockingRisk> named = blocking.stream().limit(RiskAssessmentService.NAMED_RISKS)
                .map(r -> new RiskAssessment.BlockingRisk(r.id(), r.title(), matrix.severityOf(r.likelihood(),
                        r.impact()), r.status(), r.status() == RiskStatus.ACCEPTED))
                .toList();
        return new Expected(blocking.size(), named);
    }

    /** The gate's rule for one risk: HIGH or CRITICAL, and OPEN, IN_TREATMENT or ACCEPTED without the board. */
    static boolean isUnresolved(Severity severity, RiskStatus status, boolean acceptedByBoard) {
        return severity.isHighOrAbove() && status.blocksIfSevere(acceptedByBoard);
    }

    /**
     * Per cell, the risks that would block if the cell were severe, by status and board acceptance (not by the
     * stored flag); cells without such risks are left out.
     */
    static Map<RiskCell, Long> tallyOf(JdbcTemplate jdbc, Long systemId) {
        Map<RiskCell, Long> counts = new HashMap<>();
        jdbc.query("""
                SELECT current_likelihood, current_impact, COUNT(*) FROM risk
                WHERE system_id = ? AND (status IN ('OPEN', 'IN_TREATMENT')
                                         OR (status = 'ACCEPTED' AND accepted_by_board = FALSE))
                GROUP BY current_likelihood, current_impact""",
                rs -> {
                    counts.put(new RiskCell(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
                }, systemId);
        return counts;
    }

    /** The stored tally of the system, cells of zero left out. */
    static Map<RiskCell, Long> storedTally(JdbcTemplate jdbc, Long systemId) {
        Map<RiskCell, Long> counts = new HashMap<>();
        jdbc.query("SELECT current_likelihood, current_impact, blocking_if_severe FROM risk_cell_tally "
                + "WHERE system_id = ? AND blocking_if_severe <> 0", rs -> {
                    counts.put(new RiskCell(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
                }, systemId);
        return counts;
    }

    private static List<Row> register(JdbcTemplate jdbc, Long systemId) {
        return jdbc.query("SELECT id, title, status, current_likelihood, current_impact, accepted_by_board FROM risk "
                + "WHERE system_id = ?", (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                        RiskStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)), systemId);
    }
}
