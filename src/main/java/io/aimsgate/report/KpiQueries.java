package io.aimsgate.report;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.report.GovernanceKpis.AttentionItem;
import io.aimsgate.report.GovernanceKpis.Deployments;
import io.aimsgate.report.GovernanceKpis.GovernanceFlow;
import io.aimsgate.report.GovernanceKpis.Incidents;
import io.aimsgate.report.GovernanceKpis.MonthCount;
import io.aimsgate.report.GovernanceKpis.Portfolio;
import io.aimsgate.report.GovernanceKpis.Risks;
import io.aimsgate.report.GovernanceKpis.TaskTimes;
import io.aimsgate.report.GovernanceKpis.TierStageCount;
import io.aimsgate.report.GovernanceKpis.TimerCount;
import io.aimsgate.shared.PlanWithValues;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance KPIs, each figure one aggregate SQL query over our tables or the engine's history tables (the
 * tables {@code HistoryService} reads: its query API lists instances but cannot compute medians or group counts, so
 * these figures read the same tables with GROUP BY and PERCENTILE_CONT, which H2 and PostgreSQL both support). No
 * figure loops over process instances; the number of queries is fixed whatever the size of the history.
 */
@Service
@Transactional(readOnly = true)
public class KpiQueries {

    /** The attention list is for reading, not an export: each kind is cut at this many items. */
    static final int ATTENTION_LIMIT = 25;

    private static final List<String> TIERS = List.of("UNACCEPTABLE", "HIGH", "TRANSPARENCY", "MINIMAL");
    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PlanWithValues planWithValues;

    KpiQueries(JdbcTemplate jdbc, Clock clock, PlanWithValues planWithValues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.planWithValues = planWithValues;
    }

    public GovernanceKpis kpis(ReportPeriod period) {
        // a year of history, grouped by ranges of dates: planned with the period's dates, never a generic plan
        return planWithValues.around(() -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return new GovernanceKpis(period.from(), period.to(), now, portfolio(), risks(today), deployments(),
                    incidents(period, now), correctiveActionsOverdue(today), governanceFlow(period),
                    attention(today, now));
        });
    }

    Portfolio portfolio() {
        Map<String, Long> byTier = new LinkedHashMap<>();
        TIERS.forEach(t -> byTier.put(t, 0L));
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (io.aimsgate.inventory.LifecycleStage stage : io.aimsgate.inventory.LifecycleStage.values()) {
            byStage.put(stage.name(), 0L);
        }
        List<TierStageCount> cells = jdbc.query("""
                SELECT eu_ai_act_tier, lifecycle_stage, COUNT(*) AS n FROM ai_system
                GROUP BY eu_ai_act_tier, lifecycle_stage ORDER BY eu_ai_act_tier, lifecycle_stage""",
                (rs, i) -> new TierStageCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
        long total = 0;
        for (TierStageCount cell : cells) {
            byTier.merge(cell.tier(), cell.systems(), Long::sum);
            byStage.merge(cell.stage(), cell.systems(), Long::sum);
            total += cell.systems();
        }
        return new Portfolio(total, byTier, byStage, cells);
    }

    Risks risks(LocalDate today) {
        Map<String, Long> inherent = zeroSeverities();
        Map<String, Long> residual = zeroSeverities();
        long[][] inherentMap = new long[5][5];
        long[][] residualMap = new long[5][5];
        long[] notClosed = {0};
        jdbc.query("""
                SELECT likelihood, impact, inherent_severity, current_likelihood, current_impact, current_severity,
                       COUNT(*) AS n
                FROM risk WHERE status <> 'CLOSED'
                GROUP BY likelihood, impact, inherent_severity, current_likelihood, current_impact, current_severity""",
                rs -> {
                    long n = rs.getLong(7);
                    inherentMap[rs.getInt(1) - 1][rs.getInt(2) - 1] += n;
                    inherent.merge(rs.getString(3), n, Long::sum);
                    residualMap[rs.getInt(4) - 1][rs.getInt(5) - 1] += n;
                    residual.merge(rs.getString(6), n, Long::sum);
                    notClosed[0] += n;
                });
        Long overdue = jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk WHERE status IN ('OPEN', 'IN_TREATMENT') AND due_date < ?", Long.class,
                Date.valueOf(today));
        return new Risks(notClosed[0], inherent, residual, inherentMap, residualMap, overdue);
    }

    Deployments deployments() {
        return jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM deployment_request WHERE status = 'HALTED'),
                       (SELECT COUNT(*) FROM model_version WHERE status = 'SUSPENDED'),
                       (SELECT COUNT(*) FROM deployment_request r WHERE r.status = 'IN_REVIEW'
                          AND (EXISTS (SELECT 1 FROM gate_event e WHERE e.request_id = r.id AND e.event_type = 'HALTED')
                            OR EXISTS (SELECT 1 FROM deployment_request p WHERE p.version_id = r.version_id
                                       AND p.id <> r.id AND p.status IN ('HALTED', 'REJECTED')))),
                       (SELECT COUNT(*) FROM deployment_request WHERE status = 'IN_REVIEW')""",
                (rs, i) -> new Deployments(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    Incidents incidents(ReportPeriod period, Instant now) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (String s : List.of("SEV1", "SEV2", "SEV3", "SEV4", "UNCLASSIFIED")) {
            bySeverity.put(s, 0L);
        }
        jdbc.query("SELECT severity, COUNT(*) FROM incident WHERE reported_at >= ? AND reported_at < ? GROUP BY severity",
                rs -> {
                    bySeverity.merge(rs.getString(1) == null ? "UNCLASSIFIED" : rs.getString(1), rs.getLong(2),
                            Long::sum);
                }, utc(period.start()), utc(period.end()));
        long reported = bySeverity.values().stream().mapToLong(Long::longValue).sum();
        return jdbc.queryForObject("""
                SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds_to_contain),
                       COALESCE(SUM(CASE WHEN regulator_deadline IS NOT NULL AND regulator_notified_at IS NOT NULL
                                          AND regulator_notified_at <= regulator_deadline THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN regulator_deadline IS NOT NULL
                                          AND ((regulator_notified_at IS NOT NULL AND regulator_notified_at > regulator_deadline)
                                            OR (regulator_notified_at IS NULL AND regulator_deadline < ?)) THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN regulator_deadline IS NOT NULL AND regulator_notified_at IS NULL
                                          AND regulator_deadline >= ? THEN 1 ELSE 0 END), 0)
                FROM incident WHERE reported_at >= ? AND reported_at < ?""",
                (rs, i) -> new Incidents(reported, bySeverity, hours(rs, 1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)),
                utc(now), utc(now), utc(period.start()), utc(period.end()));
    }

    long correctiveActionsOverdue(LocalDate today) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM corrective_action WHERE status <> 'DONE' AND due_date < ?",
                Long.class, Date.valueOf(today));
    }

    GovernanceFlow governanceFlow(ReportPeriod period) {
        Timestamp start = engineTime(period.start());
        Timestamp end = engineTime(period.end());
        // Per process and candidate group; the first claim comes from the user operation log (history level full).
        List<TaskTimes> tasks = jdbc.query("""
                SELECT process, grp, COUNT(*),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration),
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY duration),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY waiting)
                FROM (SELECT DISTINCT t.ID_ AS task, t.PROC_DEF_KEY_ AS process, l.GROUP_ID_ AS grp,
                             EXTRACT(EPOCH FROM t.END_TIME_) - EXTRACT(EPOCH FROM t.START_TIME_) AS duration,
                             (SELECT MIN(EXTRACT(EPOCH FROM o.TIMESTAMP_)) FROM ACT_HI_OP_LOG o
                              WHERE o.TASK_ID_ = t.ID_ AND o.OPERATION_TYPE_ = 'Claim')
                               - EXTRACT(EPOCH FROM t.START_TIME_) AS waiting
                      FROM ACT_HI_TASKINST t
                      JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'
                           AND l.GROUP_ID_ IS NOT NULL AND l.OPERATION_TYPE_ = 'add'
                      WHERE t.END_TIME_ >= ? AND t.END_TIME_ < ? AND t.DELETE_REASON_ = 'completed') x
                GROUP BY process, grp ORDER BY process, grp""",
                (rs, i) -> new TaskTimes(rs.getString(1), rs.getString(2), rs.getLong(3), hours(rs, 4), hours(rs, 5),
                        hours(rs, 6)),
                start, end);
        // A boundary timer has a history entry only once it fires: each entry is a breached SLA or deadline.
        List<TimerCount> breaches = jdbc.query("""
                SELECT PROC_DEF_KEY_, ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST
                WHERE ACT_TYPE_ = 'boundaryTimer' AND START_TIME_ >= ? AND START_TIME_ < ?
                GROUP BY PROC_DEF_KEY_, ACT_ID_ ORDER BY PROC_DEF_KEY_, ACT_ID_""",
                (rs, i) -> new TimerCount(rs.getString(1), rs.getString(2), rs.getLong(3)), start, end);
        Long escalations = jdbc.queryForObject("""
                SELECT COUNT(*) FROM ACT_HI_ACTINST
                WHERE ACT_TYPE_ = 'userTask' AND ACT_ID_ LIKE 'task_escalate%' AND START_TIME_ >= ? AND START_TIME_ < ?""",
                Long.class, start, end);
        Map<String, long[]> months = new TreeMap<>();
        jdbc.query("""
                SELECT y, m, SUM(approved), SUM(rejected), SUM(halted) FROM (
                  SELECT EXTRACT(YEAR FROM occurred_at) AS y, EXTRACT(MONTH FROM occurred_at) AS m,
                         CASE WHEN event_type = 'APPROVED' THEN 1 ELSE 0 END AS approved,
                         CASE WHEN event_type = 'REJECTED' THEN 1 ELSE 0 END AS rejected,
                         CASE WHEN event_type = 'HALTED' THEN 1 ELSE 0 END AS halted
                  FROM gate_event
                  WHERE event_type IN ('APPROVED', 'REJECTED', 'HALTED') AND occurred_at >= ? AND occurred_at < ?
                  UNION ALL
                  SELECT EXTRACT(YEAR FROM decided_at), EXTRACT(MONTH FROM decided_at),
                         CASE WHEN status = 'REJECTED' THEN 0 ELSE 1 END, CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END, 0
                  FROM gate_run
                  WHERE kind <> 'DEPLOYMENT' AND status IN ('PASSED', 'REJECTED') AND decided_at >= ? AND decided_at < ?) x
                GROUP BY y, m""",
                rs -> {
                    months.put(String.format("%04d-%02d", rs.getInt(1), rs.getInt(2)),
                            new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }, utc(period.start()), utc(period.end()), utc(period.start()), utc(period.end()));
        List<MonthCount> perMonth = new ArrayList<>();
        for (LocalDate month = period.from().withDayOfMonth(1); !month.isAfter(period.to()); month = month.plusMonths(1)) {
            String key = String.format("%04d-%02d", month.getYear(), month.getMonthValue());
            long[] counts = months.getOrDefault(key, new long[3]);
            perMonth.add(new MonthCount(key, counts[0], counts[1], counts[2]));
        }
        return new GovernanceFlow(tasks, breaches, escalations, perMonth);
    }

    List<AttentionItem> attention(LocalDate today, Instant now) {
        List<AttentionItem> items = new ArrayList<>();
        items.addAll(jdbc.query("""
                SELECT t.ID_, t.NAME_, t.DUE_DATE_,
                       COALESCE((SELECT MIN(d.system_id) FROM deployment_request d WHERE d.process_instance_id = t.PROC_INST_ID_),
                                (SELECT MIN(g.system_id) FROM gate_run g WHERE g.process_instance_id = t.PROC_INST_ID_),
                                (SELECT MIN(i.system_id) FROM incident i WHERE i.process_instance_id = t.PROC_INST_ID_))
                FROM ACT_RU_TASK t
                WHERE EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l
                              WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ = ?)
                ORDER BY t.CREATE_TIME_, t.ID_ LIMIT ?""",
                (rs, i) -> new AttentionItem("BOARD_TASK", rs.getString(2), nullableLong(rs, 4),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime().toLocalDate(),
                        rs.getString(1)),
                RaciGroups.GOVERNANCE_BOARD, ATTENTION_LIMIT));
        items.addAll(jdbc.query("""
                SELECT d.id, s.name, d.system_id, d.halt_count FROM deployment_request d
                JOIN ai_system s ON s.id = d.system_id
                WHERE d.status = 'HALTED' ORDER BY d.submitted_at, d.id LIMIT ?""",
                (rs, i) -> new AttentionItem("HALTED_DEPLOYMENT", "Deployment request " + rs.getLong(1) + " of "
                        + rs.getString(2) + " halted by unresolved high risks", rs.getLong(3), null, null),
                ATTENTION_LIMIT));
        items.addAll(jdbc.query("""
                SELECT r.id, r.title, r.system_id, r.due_date FROM risk r
                WHERE r.status IN ('OPEN', 'IN_TREATMENT') AND r.due_date < ? ORDER BY r.due_date, r.id LIMIT ?""",
                (rs, i) -> new AttentionItem("OVERDUE_RISK_TREATMENT", "Risk " + rs.getLong(1) + ": "
                        + rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), null),
                Date.valueOf(today), ATTENTION_LIMIT));
        items.addAll(jdbc.query("""
                SELECT a.id, a.description, a.due_date FROM corrective_action a
                WHERE a.status <> 'DONE' AND a.due_date < ? ORDER BY a.due_date, a.id LIMIT ?""",
                (rs, i) -> new AttentionItem("OVERDUE_CORRECTIVE_ACTION", "Corrective action " + rs.getLong(1) + ": "
                        + rs.getString(2), null, rs.getDate(3).toLocalDate(), null),
                Date.valueOf(today), ATTENTION_LIMIT));
        items.addAll(jdbc.query("""
                SELECT i.id, i.title, i.system_id, i.regulator_deadline FROM incident i
                WHERE i.regulator_deadline IS NOT NULL AND i.regulator_notified_at IS NULL
                ORDER BY i.regulator_deadline, i.id LIMIT ?""",
                (rs, i) -> {
                    OffsetDateTime deadline = rs.getObject(4, OffsetDateTime.class);
                    boolean missed = deadline.toInstant().isBefore(now);
                    return new AttentionItem(missed ? "ART73_DEADLINE_MISSED" : "ART73_DEADLINE_PENDING",
                            "Incident " + rs.getLong(1) + ": " + rs.getString(2), rs.getLong(3),
                            deadline.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), null);
                }, ATTENTION_LIMIT));
        return items;
    }

    private static Map<String, Long> zeroSeverities() {
        Map<String, Long> counts = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> counts.put(s, 0L));
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The engine writes its history timestamps as local date-times of the JVM's time zone. */
    private static Timestamp engineTime(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Double hours(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        double seconds = ((Number) value).doubleValue();
        return Math.round(seconds / 36.0) / 100.0;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
