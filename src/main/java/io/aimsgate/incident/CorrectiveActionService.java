package io.aimsgate.incident;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corrective-action sub-process shared by incidents and nonconformities (clause 10.2): correction,
 * root cause, corrective actions with owner, due date and status, effectiveness check, closure.
 */
@Service
@Transactional
public class CorrectiveActionService {

    static final int MAX_ACTIONS = 50;
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final CorrectiveCaseRepository cases;
    private final CorrectiveActionRepository actions;
    private final IncidentRepository incidents;
    private final Clock clock;
    private final DecisionLedger ledger;

    CorrectiveActionService(CorrectiveCaseRepository cases, CorrectiveActionRepository actions,
            IncidentRepository incidents, Clock clock, DecisionLedger ledger) {
        this.ledger = ledger;
        this.cases = cases;
        this.actions = actions;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The case of one sub-process instance, opened on first use. */
    public CorrectiveCase caseOf(String processInstanceId, SubjectType subjectType, Long subjectId) {
        return cases.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            if (subjectType == SubjectType.INCIDENT) {
                incidents.findById(subjectId).ifPresent(Incident::correcting);
            }
            return cases.save(new CorrectiveCase(subjectType, subjectId, processInstanceId));
        });
    }

    public void recordCorrection(CorrectiveCase correctiveCase, String correction) {
        correctiveCase.correction(requireText("correction", correction, 4000));
        log("CORRECTIVE_CORRECTION", correctiveCase, correction.strip(), io.aimsgate.shared.ledger.Snapshots.of());
    }

    public void recordRootCause(CorrectiveCase correctiveCase, String method, String causes, String factors) {
        correctiveCase.rootCause(requireText("rootCauseMethod", method, 16), requireText("rootCauses", causes, 4000),
                factors == null ? null : factors.strip());
        log("CORRECTIVE_ROOT_CAUSE", correctiveCase, causes.strip(), io.aimsgate.shared.ledger.Snapshots.of("method", method.strip()));
    }

    /**
     * Registers the planned actions, one per line: {@code description | owner | YYYY-MM-DD}. A bad line
     * refuses the whole plan (nothing is stored) with the line number.
     */
    public List<CorrectiveAction> registerPlannedActions(CorrectiveCase correctiveCase, String plan) {
        List<CorrectiveAction> parsed = new ArrayList<>();
        String[] lines = requireText("plannedActions", plan, 20000).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw new BadUserRequestException("Planned action line " + (i + 1)
                        + " must read 'description | owner | YYYY-MM-DD'");
            }
            String description = parts[0].strip();
            String owner = parts[1].strip();
            if (description.isEmpty() || description.length() > 1000 || !OWNER.matcher(owner).matches()) {
                throw new BadUserRequestException("Planned action line " + (i + 1)
                        + " needs a description (at most 1000 characters) and an owner's user id");
            }
            LocalDate due;
            try {
                due = LocalDate.parse(parts[2].strip());
            } catch (DateTimeParseException e) {
                throw new BadUserRequestException("Planned action line " + (i + 1) + ": due date must be YYYY-MM-DD");
            }
            parsed.add(new CorrectiveAction(correctiveCase.getId(), description, owner, due));
        }
        if (parsed.isEmpty() || parsed.size() > MAX_ACTIONS) {
            throw new BadUserRequestException("Plan between 1 and " + MAX_ACTIONS + " corrective actions");
        }
        List<CorrectiveAction> saved = actions.saveAll(parsed);
        log("CORRECTIVE_ACTIONS_PLANNED", correctiveCase, null, io.aimsgate.shared.ledger.Snapshots.of("actionIds",
                saved.stream().map(CorrectiveAction::getId).toList()));
        return saved;
    }

    @Transactional(readOnly = true)
    public long openActions(CorrectiveCase correctiveCase) {
        return actions.countByCaseIdAndStatusNot(correctiveCase.getId(), CorrectiveActionStatus.DONE);
    }

    public CorrectiveAction progress(Long actionId, CorrectiveActionStatus status) {
        CorrectiveAction action = actions.findById(actionId).orElseThrow(
                () -> new NotFoundException("actionId", "No corrective action " + actionId + "."));
        if (action.getStatus() == status) {
            throw new ConflictException("status", "The corrective action is already " + status + ".");
        }
        action.progress(status, clock.instant());
        cases.findById(action.getCaseId()).ifPresent(correctiveCase -> log("CORRECTIVE_ACTION_PROGRESSED",
                correctiveCase, null, io.aimsgate.shared.ledger.Snapshots.of("actionId", action.getId(), "status", status.name())));
        return action;
    }

    public void recordEffectiveness(CorrectiveCase correctiveCase, boolean effective, String evidence) {
        correctiveCase.effectiveness(effective, requireText("effectivenessEvidence", evidence, 4000));
        log("CORRECTIVE_EFFECTIVENESS_CHECKED", correctiveCase, evidence.strip(), io.aimsgate.shared.ledger.Snapshots.of("effective",
                effective));
    }

    public void close(CorrectiveCase correctiveCase, String by, String note) {
        if (openActions(correctiveCase) > 0) {
            throw new BadUserRequestException("Corrective actions are still open");
        }
        correctiveCase.close(by, requireText("closureNote", note, 4000), clock.instant());
        log("CORRECTIVE_CLOSED", correctiveCase, note.strip(), io.aimsgate.shared.ledger.Snapshots.of("recordedFor", by));
    }

    /** The decision ledger entry of a corrective-action step, in this transaction. */
    private void log(String kind, CorrectiveCase correctiveCase, String rationale, java.util.Map<String, Object> details) {
        java.util.Map<String, Object> snapshot = new java.util.LinkedHashMap<>(details);
        snapshot.put("caseId", correctiveCase.getId());
        snapshot.put("subjectType", correctiveCase.getSubjectType().name());
        snapshot.put("subjectId", correctiveCase.getSubjectId());
        Long systemId = correctiveCase.getSubjectType() == SubjectType.INCIDENT
                ? incidents.findById(correctiveCase.getSubjectId()).map(Incident::getSystemId).orElse(null) : null;
        ledger.append(new LedgerRecord(kind, null, "CORRECTIVE_CASE", String.valueOf(correctiveCase.getId()), systemId,
                rationale, correctiveCase.getProcessInstanceId(), null, snapshot));
    }

    @Transactional(readOnly = true)
    public List<CorrectiveCase> casesOf(SubjectType subjectType, Long subjectId) {
        return cases.findBySubjectTypeAndSubjectIdOrderById(subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public List<CorrectiveAction> actionsOf(CorrectiveCase correctiveCase) {
        return actions.findByCaseIdOrderById(correctiveCase.getId());
    }

    private static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadUserRequestException("'" + field + "' is required");
        }
        if (value.length() > max) {
            throw new BadUserRequestException("'" + field + "' is longer than " + max + " characters");
        }
        return value.strip();
    }
}
