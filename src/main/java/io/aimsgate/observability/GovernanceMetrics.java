package io.aimsgate.observability;

import io.aimsgate.evidence.EvidenceRevisionStored;
import io.aimsgate.gate.DeploymentHalted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's own metrics (docs/operations.md, "Metrics"), exported with the engine's at {@code /actuator/prometheus}.
 * What happens inside a transaction is counted when the transaction commits, so a refused or rolled-back decision is
 * never counted.
 */
@Component
public class GovernanceMetrics {

    /** Gate runs started, by gate kind (the process definition key). */
    public static final String GATES_STARTED = "aims.gates.started";
    /** Gate runs ended, by gate kind and outcome (the end event: approved, rejected, withdrawn, passed, ...). */
    public static final String GATES_ENDED = "aims.gates.ended";
    /** Deployments halted by an unresolved high-severity risk or an incident hold, by gate kind. */
    public static final String GATES_HALTED = "aims.gates.halted";
    /** Answers of the pipeline check, by answer: approved, blocked, unknown, refused. */
    public static final String PIPELINE_DECISIONS = "aims.pipeline.decisions";
    /** Time from a task's creation to its completion, by RACI group and gate kind. */
    public static final String TASK_WAIT = "aims.tasks.wait";
    /** Entries appended to the decision ledger, by kind. */
    public static final String LEDGER_APPENDS = "aims.ledger.appends";
    /** 1 when the last verification of the decision ledger found the chain and its checkpoints intact, else 0. */
    public static final String LEDGER_VERIFICATION_OK = "aims.ledger.verification.ok";
    /** Bytes of evidence stored (every revision). */
    public static final String EVIDENCE_BYTES = "aims.evidence.stored.bytes";

    private final MeterRegistry registry;
    private final AtomicInteger ledgerIntact = new AtomicInteger(-1);
    private final Map<String, Counter> pipelineAnswers = new ConcurrentHashMap<>();

    /** The deployment gate halted a request (a risk or an incident hold). */
    @EventListener
    void on(DeploymentHalted halted) {
        gateHalted("deployment-approval");
    }

    /** An evidence revision was stored (counted when its upload commits). */
    @EventListener
    void on(EvidenceRevisionStored stored) {
        evidenceStored(stored.revision().size());
    }

    GovernanceMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(LEDGER_VERIFICATION_OK, ledgerIntact, value -> value.get() < 0 ? Double.NaN : value.get())
                .description("1 when the last verification of the decision ledger found it intact, 0 when broken")
                .register(registry);
        // Series an alert uses exist from the start (at 0), so increase() sees their first event.
        registry.counter(GATES_HALTED, "kind", "deployment-approval");
        for (String answer : new String[] {"approved", "blocked", "unknown", "refused"}) {
            Counter.builder(PIPELINE_DECISIONS).tag("answer", answer).register(registry);
        }
        Counter.builder(EVIDENCE_BYTES).baseUnit("bytes").register(registry);
    }

    /** The result of a verification of the decision ledger (scheduled or GET /api/audit/verify). */
    public void ledgerVerified(boolean intact) {
        ledgerIntact.set(intact ? 1 : 0);
    }

    public void gateStarted(String kind) {
        afterCommit(() -> registry.counter(GATES_STARTED, "kind", kind).increment());
    }

    public void gateEnded(String kind, String outcome) {
        afterCommit(() -> registry.counter(GATES_ENDED, "kind", kind, "outcome", outcome).increment());
    }

    public void gateHalted(String kind) {
        afterCommit(() -> registry.counter(GATES_HALTED, "kind", kind).increment());
    }

    /** Not transactional: the answer has been given when this is called. */
    public void pipelineDecision(String answer) {
        // Pipelines poll: the four counters are looked up once, not built and registered on every check.
        pipelineAnswers.computeIfAbsent(answer, a -> Counter.builder(PIPELINE_DECISIONS).tag("answer", a)
                .register(registry)).increment();
    }

    public void taskWaited(String group, String kind, Duration waited) {
        afterCommit(() -> Timer.builder(TASK_WAIT).tag("group", group).tag("kind", kind)
                .description("Time from a task's creation to its completion").register(registry).record(waited));
    }

    public void ledgerAppended(String kind) {
        afterCommit(() -> registry.counter(LEDGER_APPENDS, "kind", kind).increment());
    }

    public void evidenceStored(long bytes) {
        afterCommit(() -> Counter.builder(EVIDENCE_BYTES).baseUnit("bytes").register(registry).increment(bytes));
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
