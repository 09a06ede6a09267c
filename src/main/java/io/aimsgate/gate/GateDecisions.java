package io.aimsgate.gate;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerEntryView;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.TransactionMemo;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate runs of every kind and the decisions taken in them, in our tables: the one place a run is opened and
 * closed and the one place a decision is recorded ({@link #record}, which publishes {@link GateDecisionRecorded}).
 * The gate's own services (the deployment gate, the life-cycle gates) add what their kind does on top: entry rules,
 * version and stage moves, telling the Informed.
 * <p>
 * Within one transaction the open run of a process instance and the decisions of a run are read from the database
 * once and then kept ({@link TransactionMemo}): one engine command runs several listeners and delegates that each
 * ask (the guard, the decision listener, the control variables, the evidence on the forms, the approval). What this
 * class writes in the transaction (a run opened or closed, a decision recorded) is applied to what it keeps (runs and
 * decisions are written nowhere else); a transaction suspended for another (REQUIRES_NEW) sets its memo aside and
 * reads afresh when it resumes, since the other may have committed runs or decisions.
 */
@Service
@Transactional
public class GateDecisions {

    // the variables every gate's decision tasks share
    public static final String DECISION = "decision";
    public static final String RATIONALE = "rationale";
    /** The decision of the task just completed, read by the gateway after it. */
    public static final String LAST_DECISION = "lastDecision";
    /** Whether any decision of the run so far is a REJECT (from the recorded decisions, never from a client). */
    public static final String REVIEW_REJECTED = "reviewRejected";

    // decisions
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** What a work task (an impact assessment, a plan) records: it delivers content, it decides nothing. */
    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    /** Every decision is given with a rationale of this many characters at least, and at most {@link #MAX_RATIONALE}. */
    public static final int MIN_RATIONALE = 10;
    public static final int MAX_RATIONALE = 4000;

    private final GateRunRepository runs;
    private final GateDecisionRepository decisions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final DecisionLedger ledger;

    public GateDecisions(GateRunRepository runs, GateDecisionRepository decisions, ApplicationEventPublisher publisher,
            Clock clock, DecisionLedger ledger) {
        this.runs = runs;
        this.decisions = decisions;
        this.publisher = publisher;
        this.clock = clock;
        this.ledger = ledger;
    }

    /**
     * Opens a run, or returns the one this process instance already has open (a retried service task). A new run is
     * the ledger's {@code GATE_SUBMITTED}.
     */
    public GateRun open(String processInstanceId, GateKind kind, Long systemId, String startedBy, String triggerKind,
            String triggerDetail) {
        return openRunOf(processInstanceId).orElseGet(() -> {
            GateRun run = runs.save(new GateRun(systemId, kind, processInstanceId, startedBy, triggerKind,
                    truncate(triggerDetail, MAX_RATIONALE), clock.instant()));
            Memo memo = memo();
            if (memo != null) {
                memo.openRuns.put(processInstanceId, Optional.of(run));
                // a run with a new id has no decisions yet
                memo.decisions.put(run.getId(), new ArrayList<>());
            }
            Map<String, Object> snapshot = snapshot(run);
            snapshot.put("startedBy", startedBy);
            snapshot.put("trigger", triggerKind);
            ledger.append(new LedgerRecord("GATE_SUBMITTED", kind == GateKind.DEPLOYMENT ? "SUBMITTER" : null,
                    "GATE_RUN", String.valueOf(run.getId()), systemId, run.getTriggerDetail(), processInstanceId, null,
                    snapshot));
            return run;
        });
    }

    /** Ends an open run with its outcome; a run already closed is refused (409). */
    public GateRun close(Long runId, GateRunStatus status, String decidedBy, String outcome) {
        return close(runId, status, decidedBy, outcome, Map.of(), null);
    }

    /**
     * The same, with more of what was decided in the ledger entry's snapshot (e.g. the state an approval is bound
     * to); {@code recorded}, if given, receives the ledger entry that records the run's end once it has its place in
     * the chain (before the transaction commits, {@link DecisionLedger#append(LedgerRecord, java.util.function.Consumer)}).
     */
    public GateRun close(Long runId, GateRunStatus status, String decidedBy, String outcome,
            Map<String, Object> decided, java.util.function.Consumer<LedgerEntryView> recorded) {
        GateRun run = require(runId);
        if (!run.isOpen()) {
            throw new ConflictException("gateId", "The " + run.getKind().label() + " gate run " + run.getId()
                    + " is already " + run.getStatus() + ".");
        }
        run.close(status, decidedBy, truncate(outcome, MAX_RATIONALE), clock.instant());
        Memo memo = memo();
        if (memo != null) {
            // read again when asked: the query flushes the closed run first and sees it closed
            memo.openRuns.remove(run.getProcessInstanceId());
        }
        Map<String, Object> snapshot = snapshot(run);
        snapshot.put("recordedFor", decidedBy);
        snapshot.putAll(decided);
        ledger.append(new LedgerRecord("GATE_" + status.name(),
                status == GateRunStatus.WITHDRAWN ? null : RaciRole.ACCOUNTABLE.name(), "GATE_RUN",
                String.valueOf(run.getId()), run.getSystemId(), run.getOutcome(), run.getProcessInstanceId(), null,
                snapshot), recorded);
        return run;
    }

    /**
     * Records a task's decision once (listeners may run again on a retried transaction) and publishes
     * {@link GateDecisionRecorded}: every decision of every gate passes here. Whether the task has a decision already
     * is answered by the run's decisions where this transaction has them ({@link #decisionsOf}: the completion's
     * checks read them just before), otherwise by the table: a task is decided only in its own run, when it completes,
     * and the table's unique task id refuses a second decision whatever this check answers.
     */
    public void record(GateRun run, String taskId, String taskKey, String activity, RaciRole role, String decision,
            String rationale, String decidedBy) {
        Memo memo = memo();
        List<GateDecision> known = memo == null ? null : memo.decisions.get(run.getId());
        if (known != null ? known.stream().anyMatch(d -> taskId.equals(d.getTaskId()))
                : decisions.existsByTaskId(taskId)) {
            return;
        }
        GateDecision saved = decisions.save(new GateDecision(run.getId(), taskId, taskKey, activity, role, decision,
                truncate(rationale, MAX_RATIONALE), decidedBy, clock.instant()));
        if (known != null) {
            known.add(saved);
            known.sort(IN_ORDER_TAKEN);
        }
        Map<String, Object> snapshot = snapshot(run);
        snapshot.put("taskKey", taskKey);
        snapshot.put("raciActivity", activity);
        snapshot.put("decision", decision);
        snapshot.put("decidedBy", decidedBy);
        ledger.append(new LedgerRecord(ledgerKind(decision, activity, role), role == null ? null : role.name(),
                "GATE_RUN", String.valueOf(run.getId()), run.getSystemId(), saved.getRationale(),
                run.getProcessInstanceId(), taskId, snapshot));
        publisher.publishEvent(new GateDecisionRecorded(saved.getId(), run.getId(), run.getKind(), run.getSystemId(),
                run.getProcessInstanceId(), taskKey, activity, role, decision, saved.getRationale(), decidedBy,
                saved.getDecidedAt()));
    }

    @Transactional(readOnly = true)
    public GateRun require(Long runId) {
        return runs.findById(runId)
                .orElseThrow(() -> new NotFoundException("gateId", "No gate run " + runId + "."));
    }

    /** The open run of a process instance, if it has one. */
    @Transactional(readOnly = true)
    public Optional<GateRun> openRunOf(String processInstanceId) {
        Memo memo = memo();
        if (memo == null) {
            return runs.findOpenRun(processInstanceId, GateRunStatus.IN_PROGRESS);
        }
        Optional<GateRun> open = memo.openRuns.get(processInstanceId);
        if (open == null) {
            open = runs.findOpenRun(processInstanceId, GateRunStatus.IN_PROGRESS);
            memo.openRuns.put(processInstanceId, open);
        }
        return open;
    }

    /** The open run of a process instance; a task of a closed or unknown run has nothing to decide. */
    @Transactional(readOnly = true)
    public GateRun requireOpen(String processInstanceId) {
        return openRunOf(processInstanceId).orElseThrow(() -> new NotFoundException("processInstanceId",
                "No open gate run for process instance " + processInstanceId + "."));
    }

    @Transactional(readOnly = true)
    public List<GateRun> openRuns() {
        return runs.findByStatusOrderById(GateRunStatus.IN_PROGRESS);
    }

    /** Every run of every kind for the system, oldest first. */
    @Transactional(readOnly = true)
    public List<GateRun> historyOf(Long systemId) {
        return runs.findBySystemIdOrderByStartedAtAscIdAsc(systemId);
    }

    @Transactional(readOnly = true)
    public Set<GateKind> passedKinds(Long systemId) {
        Set<GateKind> passed = EnumSet.noneOf(GateKind.class);
        passed.addAll(runs.kindsWithStatus(systemId, GateRunStatus.PASSED));
        return passed;
    }

    @Transactional(readOnly = true)
    public boolean isInProgress(Long systemId, GateKind kind) {
        return runs.existsBySystemIdAndKindAndStatus(systemId, kind, GateRunStatus.IN_PROGRESS);
    }

    @Transactional(readOnly = true)
    public List<GateRun> inProgress(Long systemId, GateKind kind) {
        return runs.findBySystemIdAndKindAndStatus(systemId, kind, GateRunStatus.IN_PROGRESS);
    }

    /** The run's decisions, in the order they were taken. */
    @Transactional(readOnly = true)
    public List<GateDecision> decisionsOf(Long runId) {
        Memo memo = memo();
        if (memo == null) {
            return decisions.findByRun(runId);
        }
        List<GateDecision> known = memo.decisions.get(runId);
        if (known == null) {
            known = new ArrayList<>(decisions.findByRun(runId));
            memo.decisions.put(runId, known);
        }
        return List.copyOf(known);
    }

    /** The order {@link GateDecisionRepository#findByRun} returns a run's decisions in. */
    private static final Comparator<GateDecision> IN_ORDER_TAKEN = Comparator.comparing(GateDecision::getDecidedAt)
            .thenComparing(GateDecision::getId);

    /** What this transaction has read of open runs (by process instance) and of runs' decisions (by run). */
    private static final class Memo {

        private final Map<String, Optional<GateRun>> openRuns = new HashMap<>();
        private final Map<Long, List<GateDecision>> decisions = new HashMap<>();
    }

    private final TransactionMemo<Memo> memos = new TransactionMemo<>(Memo::new);

    /** The memo of the current transaction, or none outside one (then every call reads the tables). */
    private Memo memo() {
        return memos.current();
    }

    /**
     * Who may not decide in this run: whoever started (submitted) it and whoever did its work (an impact assessment,
     * a plan): nobody approves their own request or their own work.
     */
    @Transactional(readOnly = true)
    public Set<String> excludedDeciders(Long runId) {
        return excludedDeciders(require(runId), decisionsOf(runId));
    }

    /** The same, from the run and its decisions ({@link #decisionsOf}) as the caller has just read them. */
    public static Set<String> excludedDeciders(GateRun run, List<GateDecision> decisionsOfRun) {
        Set<String> excluded = new TreeSet<>();
        decisionsOfRun.stream().filter(d -> SUBMIT.equals(d.getDecision())).map(GateDecision::getDecidedBy)
                .forEach(excluded::add);
        if (run.getStartedBy() != null && !Actors.PLATFORM.equals(run.getStartedBy())) {
            excluded.add(run.getStartedBy());
        }
        return excluded;
    }

    /** Whether any decision of the run is a REJECT. */
    @Transactional(readOnly = true)
    public boolean hasRejection(Long runId) {
        return hasRejection(decisionsOf(runId));
    }

    /** Whether any of these decisions (of one run, {@link #decisionsOf}) is a REJECT. */
    public static boolean hasRejection(List<GateDecision> decisionsOfRun) {
        return decisionsOfRun.stream().anyMatch(d -> REJECT.equals(d.getDecision()));
    }

    /** The last Accountable decision of the run: the one a pass, an approval or a suspension is recorded under. */
    @Transactional(readOnly = true)
    public GateDecision lastAccountableDecision(Long runId) {
        List<GateDecision> accountable = decisionsOf(runId).stream()
                .filter(d -> d.getRaciRole() == RaciRole.ACCOUNTABLE).toList();
        if (accountable.isEmpty()) {
            throw new IllegalStateException("Gate run " + runId + " has no Accountable decision to record");
        }
        return accountable.get(accountable.size() - 1);
    }

    /** The last decision of the run with one of these values (e.g. the REJECT or WITHDRAW that ended it), if any. */
    @Transactional(readOnly = true)
    public Optional<GateDecision> lastDecisionOf(Long runId, Set<String> decisionValues) {
        List<GateDecision> matching = decisionsOf(runId).stream()
                .filter(d -> decisionValues.contains(d.getDecision())).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /**
     * A task's decision in the ledger: work delivered ({@code SUBMIT}), a sign-off (an Accountable's
     * {@code *-signoff} activity) or a review or approval.
     */
    static String ledgerKind(String decision, String activity, RaciRole role) {
        if (SUBMIT.equals(decision)) {
            return "GATE_WORK_SUBMITTED";
        }
        return role == RaciRole.ACCOUNTABLE && activity != null && activity.endsWith("-signoff") ? "GATE_SIGNED_OFF"
                : "GATE_TASK_DECIDED";
    }

    private static Map<String, Object> snapshot(GateRun run) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("gate", run.getKind().name());
        snapshot.put("gateRunId", run.getId());
        snapshot.put("status", run.getStatus() == null ? null : run.getStatus().name());
        return snapshot;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
