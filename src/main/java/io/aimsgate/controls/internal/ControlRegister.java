package io.aimsgate.controls.internal;

import io.aimsgate.controls.ControlDecision;
import io.aimsgate.controls.ControlRecord;
import io.aimsgate.controls.Controls;
import io.aimsgate.controls.ImplementationStatus;
import io.aimsgate.controls.SoaVersion;
import io.aimsgate.evidence.EvidenceService;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.TreatingControls;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The controls register in our tables (aims_control, control_risk, control_evidence): what the organisation records
 * per Annex A control, the risks each treats and the evidence that shows it. Every change is a ledger entry.
 */
@Service
@Transactional
class ControlRegister implements Controls, TreatingControls {

    private static final String COLUMNS = "control_id, objective_id, objective_title, title, description, applicable, "
            + "justification, implementation_status, owner, changed_by, changed_at";

    private final JdbcTemplate jdbc;
    private final RiskService risks;
    private final EvidenceService evidence;
    private final DecisionLedger ledger;
    private final SoaVersions soaVersions;
    private final Clock clock;

    ControlRegister(JdbcTemplate jdbc, RiskService risks, EvidenceService evidence, DecisionLedger ledger,
            SoaVersions soaVersions, Clock clock) {
        this.jdbc = jdbc;
        this.risks = risks;
        this.evidence = evidence;
        this.ledger = ledger;
        this.soaVersions = soaVersions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ControlRecord> all() {
        return read("SELECT " + COLUMNS + " FROM aims_control ORDER BY sort_order");
    }

    @Override
    @Transactional(readOnly = true)
    public List<ControlRecord> applicable() {
        return read("SELECT " + COLUMNS + " FROM aims_control WHERE applicable = TRUE ORDER BY sort_order");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ControlRecord> find(String controlId) {
        if (controlId == null) {
            return Optional.empty();
        }
        return read("SELECT " + COLUMNS + " FROM aims_control WHERE control_id = ?", controlId).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public ControlRecord require(String controlId) {
        return find(controlId).orElseThrow(() -> new NotFoundException("controlId", "No Annex A control '"
                + controlId + "'."));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> ownerOf(String controlId) {
        return find(controlId).map(ControlRecord::owner);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> ownedBy(String userId) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT control_id FROM aims_control WHERE owner = ? "
                + "ORDER BY sort_order", String.class, userId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SoaVersion> approvedSoa() {
        return soaVersions.approved();
    }

    /** Records the organisation's decision on a control (applicable or not, justification, status, owner). */
    @Override
    public ControlRecord decide(String controlId, ControlDecision decision, String actor) {
        ControlRecord before = require(controlId);
        if (decision.applicable() && decision.implementationStatus() == ImplementationStatus.NOT_APPLICABLE) {
            throw new InvalidInputException("implementationStatus", "An applicable control is PLANNED, PARTIAL or "
                    + "IMPLEMENTED, not NOT_APPLICABLE.");
        }
        if (!decision.applicable() && decision.implementationStatus() != ImplementationStatus.NOT_APPLICABLE) {
            throw new InvalidInputException("implementationStatus", "A control that is not applicable has the "
                    + "status NOT_APPLICABLE.");
        }
        if (decision.applicable() && (decision.owner() == null || decision.owner().isBlank())) {
            throw new InvalidInputException("owner", "An applicable control needs an owner.");
        }
        String owner = decision.owner() == null || decision.owner().isBlank() ? null : decision.owner().strip();
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE aims_control SET applicable = ?, justification = ?, implementation_status = ?, owner = ?,
                       changed_by = ?, changed_at = ?, row_version = row_version + 1
                WHERE control_id = ?""", decision.applicable(), decision.justification().strip(),
                decision.implementationStatus().name(), owner, actor, Timestamp.from(now), controlId);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("controlId", controlId);
        snapshot.put("applicable", decision.applicable());
        snapshot.put("implementationStatus", decision.implementationStatus().name());
        snapshot.put("owner", owner);
        snapshot.put("previousApplicable", before.applicable());
        snapshot.put("previousStatus", before.implementationStatus().name());
        ledger.append(new LedgerRecord("CONTROL_RECORDED", null, "CONTROL", controlId, null,
                decision.justification().strip(), null, null, snapshot));
        return require(controlId);
    }

    /** The risks the control treats, replacing the ones recorded before; every risk must exist (404 riskIds). */
    @Override
    public ControlRecord treatRisks(String controlId, Set<Long> riskIds, String actor) {
        ControlRecord before = require(controlId);
        List<Long> systems = new ArrayList<>();
        for (Long riskId : new java.util.TreeSet<>(riskIds)) {
            try {
                systems.add(risks.require(riskId).getSystemId());
            } catch (NotFoundException e) {
                throw new NotFoundException("riskIds", "No risk " + riskId + ".");
            }
        }
        if (Set.copyOf(before.riskIds()).equals(riskIds)) {
            return before;
        }
        jdbc.update("DELETE FROM control_risk WHERE control_id = ?", controlId);
        Timestamp now = Timestamp.from(clock.instant());
        new java.util.TreeSet<>(riskIds).forEach(riskId -> jdbc.update("INSERT INTO control_risk (control_id, "
                + "risk_id, linked_by, linked_at) VALUES (?, ?, ?, ?)", controlId, riskId, actor, now));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("controlId", controlId);
        snapshot.put("riskIds", List.copyOf(new java.util.TreeSet<>(riskIds)));
        snapshot.put("previousRiskIds", before.riskIds());
        snapshot.put("systemIds", systems.stream().distinct().toList());
        ledger.append(new LedgerRecord("CONTROL_RISKS_TREATED", null, "CONTROL", controlId, null, null, null, null,
                snapshot));
        return require(controlId);
    }

    /** The evidence files that show the control at work, replacing the ones linked before (404 evidenceFileIds). */
    public ControlRecord linkEvidence(String controlId, Set<Long> fileIds, String actor) {
        ControlRecord before = require(controlId);
        Set<Long> found = new java.util.TreeSet<>();
        evidence.latestRevisions(fileIds).forEach(revision -> found.add(revision.fileId()));
        for (Long fileId : new java.util.TreeSet<>(fileIds)) {
            if (!found.contains(fileId)) {
                throw new NotFoundException("evidenceFileIds", "No evidence file " + fileId + ".");
            }
        }
        if (Set.copyOf(before.evidenceFileIds()).equals(fileIds)) {
            return before;
        }
        jdbc.update("DELETE FROM control_evidence WHERE control_id = ?", controlId);
        Timestamp now = Timestamp.from(clock.instant());
        found.forEach(fileId -> jdbc.update("INSERT INTO control_evidence (control_id, evidence_file_id, linked_by, "
                + "linked_at) VALUES (?, ?, ?, ?)", controlId, fileId, actor, now));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("controlId", controlId);
        snapshot.put("evidenceFileIds", List.copyOf(found));
        snapshot.put("previousEvidenceFileIds", before.evidenceFileIds());
        ledger.append(new LedgerRecord("CONTROL_EVIDENCE_LINKED", null, "CONTROL", controlId, null, null, null, null,
                snapshot));
        return require(controlId);
    }

    /** Applicable controls that treat no risk. */
    @Transactional(readOnly = true)
    public List<ControlRecord> applicableWithoutRisk() {
        return applicable().stream().filter(c -> c.riskIds().isEmpty()).toList();
    }

    /** Risks not CLOSED whose current severity is HIGH or CRITICAL and that no control treats. */
    @Transactional(readOnly = true)
    public List<Risk> severeRisksWithoutControl() {
        List<Risk> severe = risks.severeRisks();
        Map<Long, List<String>> treating = controlsTreating(severe.stream().map(Risk::getId).toList());
        return severe.stream().filter(r -> treating.get(r.getId()).isEmpty()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<String>> controlsTreating(Collection<Long> riskIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        riskIds.forEach(id -> result.put(id, new ArrayList<>()));
        if (riskIds.isEmpty()) {
            return result;
        }
        String marks = String.join(",", Collections.nCopies(riskIds.size(), "?"));
        jdbc.query("SELECT l.risk_id, l.control_id FROM control_risk l JOIN aims_control c ON c.control_id = "
                + "l.control_id WHERE l.risk_id IN (" + marks + ") ORDER BY c.sort_order", rs -> {
                    result.get(rs.getLong(1)).add(rs.getString(2));
                }, riskIds.toArray());
        return result;
    }

    private List<ControlRecord> read(String sql, Object... args) {
        List<Row> rows = jdbc.query(sql, ControlRegister::row, args);
        Map<String, List<Long>> riskLinks = links("SELECT control_id, risk_id FROM control_risk ORDER BY risk_id");
        Map<String, List<Long>> evidenceLinks = links("SELECT control_id, evidence_file_id FROM control_evidence "
                + "ORDER BY evidence_file_id");
        return rows.stream().map(r -> new ControlRecord(r.id, r.objectiveId, r.objectiveTitle, r.title,
                r.description, r.applicable, r.justification, r.status, r.owner,
                List.copyOf(riskLinks.getOrDefault(r.id, List.of())),
                List.copyOf(evidenceLinks.getOrDefault(r.id, List.of())), r.changedBy, r.changedAt)).toList();
    }

    private Map<String, List<Long>> links(String sql) {
        Map<String, List<Long>> links = new TreeMap<>();
        jdbc.query(sql, rs -> {
            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return links;
    }

    private record Row(String id, String objectiveId, String objectiveTitle, String title, String description,
            Boolean applicable, String justification, ImplementationStatus status, String owner, String changedBy,
            Instant changedAt) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Timestamp changed = rs.getTimestamp("changed_at");
        return new Row(rs.getString("control_id"), rs.getString("objective_id"), rs.getString("objective_title"),
                rs.getString("title"), rs.getString("description"), rs.getObject("applicable", Boolean.class),
                rs.getString("justification"), ImplementationStatus.valueOf(rs.getString("implementation_status")),
                rs.getString("owner"), rs.getString("changed_by"), changed == null ? null : changed.toInstant());
    }
}
