package io.aimsgate.report;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers as export tables: the risk register (the organisation's or one system's, with the filters of
 * {@code GET /api/systems/{id}/risks}) and the gate history (every recorded gate decision, deployment and
 * life-cycle gates). One query per export.
 */
@Service
@Transactional(readOnly = true)
public class Exports {

    static final List<String> RISK_COLUMNS = List.of("id", "systemId", "systemName", "lifecycleStage",
            "strideCategory", "title", "description", "likelihood", "impact", "inherentScore", "inherentSeverity",
            "treatment", "treatmentOwner", "dueDate", "status", "residualLikelihood", "residualImpact",
            "residualSeverity", "currentSeverity", "acceptedBy", "acceptedRole", "acceptedAt", "acceptanceRationale",
            "statusReason", "treatmentRecord", "createdBy", "createdAt", "updatedAt");

    static final List<String> GATE_HISTORY_COLUMNS = List.of("gate", "runId", "systemId", "systemName",
            "processInstanceId", "taskKey", "activity", "raciRole", "decision", "rationale", "decidedBy", "decidedAt");

    private final JdbcTemplate jdbc;

    Exports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ExportTable riskRegister(Long systemId, RiskStatus status, Severity severity, LifecycleStage stage,
            StrideCategory stride) {
        requireSystem(systemId);
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, r.system_id, s.name, r.lifecycle_stage, r.stride_category, r.title, r.description,
                       r.likelihood, r.impact, r.inherent_score, r.inherent_severity, r.treatment, r.treatment_owner,
                       r.due_date, r.status, r.residual_likelihood, r.residual_impact, r.residual_severity,
                       r.current_severity, r.accepted_by, r.accepted_role, r.accepted_at, r.acceptance_rationale,
                       r.status_reason, r.treatment_record, r.created_by, r.created_at, r.updated_at
                FROM risk r JOIN ai_system s ON s.id = r.system_id WHERE 1 = 1""");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " AND r.system_id = ?", systemId);
        condition(sql, args, " AND r.status = ?", status == null ? null : status.name());
        condition(sql, args, " AND r.current_severity = ?", severity == null ? null : severity.name());
        condition(sql, args, " AND r.lifecycle_stage = ?", stage == null ? null : stage.name());
        condition(sql, args, " AND r.stride_category = ?", stride == null ? null : stride.name());
        sql.append(" ORDER BY r.system_id, r.id");
        List<List<Object>> rows = jdbc.query(sql.toString(), (rs, i) -> {
            List<Object> row = new ArrayList<>(RISK_COLUMNS.size());
            for (int c = 1; c <= RISK_COLUMNS.size(); c++) {
                row.add(value(rs, c));
            }
            return row;
        }, args.toArray());
        return new ExportTable("Risk register", RISK_COLUMNS, rows);
    }

    public ExportTable gateHistory(Long systemId, ReportPeriod period) {
        requireSystem(systemId);
        List<Object> args = new ArrayList<>(Arrays.asList(period.start().atOffset(java.time.ZoneOffset.UTC),
                period.end().atOffset(java.time.ZoneOffset.UTC)));
        String system = "";
        if (systemId != null) {
            system = " AND g.system_id = ?";
            args.add(systemId);
        }
        // A deployment run is shown under its request's id, the id of /api/deployment-requests/{id}. A gate of the
        // management system itself (the SoA approval) has no system: its rows leave system id and name empty.
        List<List<Object>> rows = jdbc.query("""
                SELECT g.kind AS gate, COALESCE(d.id, g.id) AS run_id, g.system_id, s.name, g.process_instance_id,
                       x.task_key, x.raci_activity AS activity, x.raci_role, x.decision, x.rationale, x.decided_by,
                       x.decided_at
                FROM gate_decision x JOIN gate_run g ON g.id = x.run_id
                LEFT JOIN deployment_request d ON d.gate_run_id = g.id
                LEFT JOIN ai_system s ON s.id = g.system_id
                WHERE x.decided_at >= ? AND x.decided_at < ?""" + system + """
                ORDER BY x.decided_at, g.kind, run_id, x.task_key""", (rs, i) -> {
                    List<Object> row = new ArrayList<>(GATE_HISTORY_COLUMNS.size());
                    for (int c = 1; c <= GATE_HISTORY_COLUMNS.size(); c++) {
                        row.add(value(rs, c));
                    }
                    return row;
                }, args.toArray());
        return new ExportTable("Gate history", GATE_HISTORY_COLUMNS, rows);
    }

    private void requireSystem(Long systemId) {
        if (systemId != null && jdbc.queryForObject("SELECT COUNT(*) FROM ai_system WHERE id = ?", Long.class,
                systemId) == 0) {
            throw new NotFoundException("systemId", "No AI system with id " + systemId);
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    /** Numbers stay numbers, timestamps become ISO-8601 instants (as in the JSON API), dates ISO dates. */
    private static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number instanceof Integer || number instanceof Long ? Long.valueOf(number.longValue()) : number;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
                || value.getClass().getName().endsWith("TimestampWithTimeZone")) {
            Instant instant = rs.getObject(column, OffsetDateTime.class).toInstant();
            return instant.toString();
        }
        return value.toString();
    }
}
