package io.aimsgate.gate;

import io.aimsgate.support.LoggedStatements;
import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciRole;
import io.aimsgate.support.H2DemoApp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction's memo of open runs and decisions ({@link GateDecisions}): a run and its decisions are read once per
 * transaction (counted from Hibernate's SQL log), every write of the transaction is seen by its later reads, and a
 * transaction suspended for another (REQUIRES_NEW) neither lends its memo to the inner one nor keeps stale reads after
 * it: it reads what the inner one committed.
 */
@H2DemoApp
class GateDecisionsMemoTest {

    @Autowired
    GateDecisions gates;

    @Autowired
    GateDecisionRepository decisionTable;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final LoggedStatements sql = new LoggedStatements("org.hibernate.SQL");

    @Test
    void aTransactionReadsARunAndItsDecisionsOnceAndSeesEveryOneOfItsWrites() {
        String processInstanceId = "memo-" + UUID.randomUUID();
        long systemId = systemId();
        inTransactionRolledBack(() -> {
            sql.clear();
            assertThat(gates.openRunOf(processInstanceId)).isEmpty();
            assertThat(gates.openRunOf(processInstanceId)).isEmpty();
            assertThat(selects("gate_run")).isEqualTo(1);

            GateRun run = gates.open(processInstanceId, GateKind.INCEPTION, systemId, "olivia", null, "Memo test.");
            sql.clear();
            assertThat(gates.openRunOf(processInstanceId)).containsSame(run);
            assertThat(gates.requireOpen(processInstanceId)).isSameAs(run);
            assertThat(gates.decisionsOf(run.getId())).isEmpty();
            assertThat(gates.excludedDeciders(run.getId())).containsExactly("olivia");
            assertThat(gates.hasRejection(run.getId())).isFalse();
            assertThat(selects("gate_run") + selects("gate_decision")).as("a new run, kept: no read").isZero();

            gates.record(run, "memo-task-1", "task_assess", "inception-assessment", RaciRole.RESPONSIBLE,
                    GateDecisions.SUBMIT, "The assessment is attached.", "sam");
            gates.record(run, "memo-task-2", "task_review", "inception-review", RaciRole.CONSULTED,
                    GateDecisions.REJECT, "Not ready: the data sheet is missing.", "mia");
            sql.clear();
            List<GateDecision> decided = gates.decisionsOf(run.getId());
            assertThat(decided).extracting(GateDecision::getTaskId).containsExactly("memo-task-1", "memo-task-2");
            assertThat(gates.excludedDeciders(run.getId())).containsExactly("olivia", "sam");
            assertThat(gates.hasRejection(run.getId())).isTrue();
            assertThat(gates.lastDecisionOf(run.getId(), java.util.Set.of(GateDecisions.REJECT)))
                    .map(GateDecision::getTaskId).contains("memo-task-2");
            assertThat(selects("gate_decision")).as("recorded decisions join the kept ones: no read").isZero();
            // the same list, in the same order, as the table gives
            assertThat(decided).containsExactlyElementsOf(decisionTable.findByRun(run.getId()));

            gates.close(run.getId(), GateRunStatus.REJECTED, "mia", "Rejected in the memo test.");
            sql.clear();
            assertThat(gates.openRunOf(processInstanceId)).as("a closed run is no longer open").isEmpty();
            assertThat(selects("gate_run")).as("read again after the close").isEqualTo(1);
            return null;
        });
    }

    /**
     * Whether a task has a decision already is answered by the run's decisions the transaction has read (as a
     * completion's checks do), without the table's count; a second record of the same task is still refused; without
     * the run's decisions at hand, the table is asked.
     */
    @Test
    void aDecisionOfATaskIsRecordedOnceAndTheKeptDecisionsSayWhetherItIs() {
        String processInstanceId = "memo-" + UUID.randomUUID();
        long systemId = systemId();
        inTransactionRolledBack(() -> {
            GateRun run = gates.open(processInstanceId, GateKind.INCEPTION, systemId, "olivia", null, "Memo test.");
            String task = "memo-task-" + UUID.randomUUID();
            sql.clear();
            gates.record(run, task, "task_review", "inception-review", RaciRole.CONSULTED, GateDecisions.APPROVE,
                    "Fine with the memo test.", "mia");
            gates.record(run, task, "task_review", "inception-review", RaciRole.CONSULTED, GateDecisions.APPROVE,
                    "Fine with the memo test, again.", "mia");
            assertThat(counts("gate_decision")).as("the kept decisions answer: no count").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gate_decision WHERE task_id = ?", Long.class, task))
                    .as("recorded once").isEqualTo(1);
            return null;
        });
        // a run whose decisions this transaction has not read (opened and decided by another, committed one): the
        // table says whether the task has a decision
        String otherInstance = "memo-" + UUID.randomUUID();
        String decidedTask = "memo-task-" + UUID.randomUUID();
        TransactionTemplate inner = requiresNew();
        try {
            inTransactionRolledBack(() -> {
                GateRun committed = inner.execute(status -> {
                    GateRun run = gates.open(otherInstance, GateKind.INCEPTION, systemId, "olivia", null, "Memo test.");
                    gates.record(run, decidedTask, "task_review", "inception-review", RaciRole.CONSULTED,
                            GateDecisions.APPROVE, "Decided in another transaction.", "mia");
                    return run;
                });
                GateRun run = gates.require(committed.getId());
                sql.clear();
                gates.record(run, decidedTask, "task_review", "inception-review", RaciRole.CONSULTED,
                        GateDecisions.APPROVE, "Not recorded a second time.", "mia");
                assertThat(counts("gate_decision")).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gate_decision WHERE task_id = ?", Long.class,
                        decidedTask)).isEqualTo(1);
                return null;
            });
        } finally {
            jdbc.update("DELETE FROM gate_decision WHERE task_id = ?", decidedTask);
            jdbc.update("DELETE FROM gate_run WHERE process_instance_id = ?", otherInstance);
        }
    }

    @Test
    void anInnerTransactionReadsTheTablesNotTheSuspendedOnesMemo() {
        String processInstanceId = "memo-" + UUID.randomUUID();
        long systemId = systemId();
        TransactionTemplate inner = requiresNew();
        inTransactionRolledBack(() -> {
            GateRun run = gates.open(processInstanceId, GateKind.INCEPTION, systemId, "olivia", null, "Memo test.");
            gates.record(run, "memo-task-" + UUID.randomUUID(), "task_review", "inception-review",
                    RaciRole.CONSULTED, GateDecisions.APPROVE, "Fine with the outer transaction.", "mia");
            // The outer run and decision are not committed: an inner transaction that borrowed the outer memo would see
            // them.
            inner.execute(status -> {
                sql.clear();
                assertThat(gates.openRunOf(processInstanceId)).isEmpty();
                assertThat(gates.decisionsOf(run.getId())).isEmpty();
                assertThat(selects("gate_run")).isEqualTo(1);
                assertThat(selects("gate_decision")).isEqualTo(1);
                status.setRollbackOnly();
                return null;
            });
            assertThat(gates.openRunOf(processInstanceId)).containsSame(run);
            assertThat(gates.decisionsOf(run.getId())).extracting(GateDecision::getDecidedBy).containsExactly("mia");
            return null;
        });
    }

    @Test
    void aResumedTransactionReadsWhatTheInnerOneCommitted() {
        String processInstanceId = "memo-" + UUID.randomUUID();
        long systemId = systemId();
        TransactionTemplate inner = requiresNew();
        try {
            inTransactionRolledBack(() -> {
                assertThat(gates.openRunOf(processInstanceId)).isEmpty();
                GateRun committed = inner.execute(status -> gates.open(processInstanceId, GateKind.INCEPTION, systemId,
                        "olivia", null, "Opened by an inner transaction."));
                Optional<GateRun> seen = gates.openRunOf(processInstanceId);
                assertThat(seen).as("not the empty answer kept before the inner transaction").isPresent();
                assertThat(seen.get().getId()).isEqualTo(committed.getId());
                return null;
            });
        } finally {
            jdbc.update("DELETE FROM gate_run WHERE process_instance_id = ?", processInstanceId);
        }
    }

    @Test
    void outsideATransactionEveryCallReadsTheTable() {
        // No transaction of the caller: each call is its own transaction, so nothing is kept between them.
        String processInstanceId = "memo-" + UUID.randomUUID();
        sql.clear();
        assertThat(gates.openRunOf(processInstanceId)).isEmpty();
        assertThat(gates.openRunOf(processInstanceId)).isEmpty();
        assertThat(selects("gate_run")).isEqualTo(2);
    }

    private <T> void inTransactionRolledBack(Supplier<T> work) {
        transactions.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private TransactionTemplate requiresNew() {
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return inner;
    }

    private long systemId() {
        return jdbc.queryForObject("SELECT MIN(id) FROM ai_system", Long.class);
    }

    /** The counts Hibernate logged since the list was last cleared over this table ({@code existsByTaskId}). */
    private long counts(String table) {
        return sql.messages().stream()
                .map(message -> message.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT))
                .filter(message -> message.startsWith("select count(") && message.contains(" from " + table + " "))
                .count();
    }

    /** The SELECTs Hibernate logged since the list was last cleared that read this table. */
    private long selects(String table) {
        return sql.messages().stream()
                .map(message -> message.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT))
                .filter(message -> message.startsWith("select") && message.contains(" from " + table + " "))
                .count();
    }
}
