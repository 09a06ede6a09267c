package io.aimsgate.risk;

import io.aimsgate.inventory.SystemCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per AI system and current (likelihood, impact) cell, how many risks block a deployment if the deployed severity
 * matrix rates that cell HIGH or CRITICAL (table {@code risk_cell_tally}, V5). The gate's assessment sums a system's
 * severe cells instead of counting its register; counts are kept per cell, not per severity, because the matrix comes
 * from a DMN table that can be redeployed at any time.
 * <p>
 * Every system has its 25 rows from the transaction that creates it, so a write only ever runs
 * {@code UPDATE ... SET n = n + ?}, which is atomic under concurrent writers on PostgreSQL and H2. The moves of a
 * transaction are collected and written just before it commits, after its entities are flushed, in (system,
 * likelihood, impact) order: a writer takes tally locks last and in that one order, and holds them only while it
 * commits, so writers cannot deadlock on the tally however many risks a transaction changes.
 */
@Component
public class RiskCellTally {

    /** Every system's 25 cells with the count of its register; the migration V5 backfills with the same statement. */
    private static final String REBUILD = """
            INSERT INTO risk_cell_tally (system_id, current_likelihood, current_impact, blocking_if_severe)
            SELECT s.id, l.v, i.v, COALESCE(c.n, 0)
            FROM ai_system s
            CROSS JOIN (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) l
            CROSS JOIN (SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) i
            LEFT JOIN (SELECT system_id, current_likelihood, current_impact, COUNT(*) AS n
                       FROM risk WHERE blocks_if_severe = TRUE
                       GROUP BY system_id, current_likelihood, current_impact) c
                ON c.system_id = s.id AND c.current_likelihood = l.v AND c.current_impact = i.v
            ORDER BY s.id, l.v, i.v""";

    private final JdbcTemplate jdbc;
    private final RiskRepository risks;

    RiskCellTally(JdbcTemplate jdbc, RiskRepository risks) {
        this.jdbc = jdbc;
        this.risks = risks;
    }

    @EventListener
    void systemCreated(SystemCreated created) {
        List<Object[]> cells = new ArrayList<>();
        for (int likelihood = SeverityMatrix.MIN; likelihood <= SeverityMatrix.MAX; likelihood++) {
            for (int impact = SeverityMatrix.MIN; impact <= SeverityMatrix.MAX; impact++) {
                cells.add(new Object[] {created.systemId(), likelihood, impact});
            }
        }
        jdbc.batchUpdate("INSERT INTO risk_cell_tally (system_id, current_likelihood, current_impact, "
                + "blocking_if_severe) VALUES (?, ?, ?, 0)", cells);
    }

    /**
     * Records that a risk of the system left one cell and entered another (null: it was or is not tallied), to be
     * written when the current transaction commits.
     */
    void move(Long systemId, RiskCell from, RiskCell to) {
        if (from == null ? to == null : from.equals(to)) {
            return;
        }
        PendingMoves pending = pendingMoves();
        if (from != null) {
            pending.add(new SystemCell(systemId, from), -1);
        }
        if (to != null) {
            pending.add(new SystemCell(systemId, to), 1);
        }
    }

    /**
     * The system's count per cell, as this transaction sees it (its own moves included); empty when the system has
     * no tally, i.e. does not exist.
     */
    Map<RiskCell, Long> countsOf(Long systemId) {
        Map<RiskCell, Long> counts = new HashMap<>();
        jdbc.query("SELECT current_likelihood, current_impact, blocking_if_severe FROM risk_cell_tally "
                + "WHERE system_id = ?", rs -> {
                    counts.put(new RiskCell(rs.getInt(1), rs.getInt(2)), rs.getLong(3));
                }, systemId);
        PendingMoves pending = currentPendingMoves();
        if (pending != null) {
            pending.deltas.forEach((cell, delta) -> {
                if (cell.systemId().equals(systemId)) {
                    counts.merge(cell.cell(), delta, Long::sum);
                }
            });
        }
        return counts;
    }

    /**
     * Recomputes every system's tally from the register, for rows written without {@link RiskService} (a bulk load
     * with COPY). Writers must be stopped meanwhile.
     */
    @Transactional
    public void rebuild() {
        jdbc.update("DELETE FROM risk_cell_tally");
        jdbc.update(REBUILD);
    }

    private PendingMoves pendingMoves() {
        PendingMoves pending = currentPendingMoves();
        if (pending == null) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                throw new IllegalStateException("The risk tally changes only inside a transaction");
            }
            pending = new PendingMoves();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** Looked up among the transaction's synchronizations, which Spring suspends with it for an inner transaction. */
    private PendingMoves currentPendingMoves() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingMoves pending) {
                return pending;
            }
        }
        return null;
    }

    private void write(Map<SystemCell, Long> deltas) {
        // Risk rows first (the commit would flush them after this): a writer holding tally locks then waits for
        // nothing but other tally locks, taken in the same order. Through the repository, so that a risk changed
        // concurrently fails as the same ObjectOptimisticLockingFailureException as it would at commit.
        risks.flush();
        deltas.forEach((cell, delta) -> {
            if (delta == 0) {
                return;
            }
            int updated = jdbc.update("UPDATE risk_cell_tally SET blocking_if_severe = blocking_if_severe + ? "
                    + "WHERE system_id = ? AND current_likelihood = ? AND current_impact = ?", delta, cell.systemId(),
                    cell.cell().likelihood(), cell.cell().impact());
            if (updated != 1) {
                throw new IllegalStateException("AI system " + cell.systemId() + " has no risk tally for likelihood "
                        + cell.cell().likelihood() + " x impact " + cell.cell().impact()
                        + "; RiskCellTally.rebuild() recomputes it");
            }
        });
    }

    /** Ordered by system, then cell: the order in which rows are locked. */
    private record SystemCell(Long systemId, RiskCell cell) implements Comparable<SystemCell> {

        @Override
        public int compareTo(SystemCell other) {
            int bySystem = systemId.compareTo(other.systemId);
            return bySystem != 0 ? bySystem : cell.compareTo(other.cell);
        }
    }

    private final class PendingMoves implements TransactionSynchronization {

        private final Map<SystemCell, Long> deltas = new TreeMap<>();

        void add(SystemCell cell, long delta) {
            deltas.merge(cell, delta, Long::sum);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write(deltas);
        }

        /**
         * Before the decision ledger's step (which runs last, {@code Ordered.LOWEST_PRECEDENCE}): the ledger's head
         * row is the last lock a transaction takes, so a writer holding tally locks never waits for a writer that
         * holds the head and wants the same tally rows.
         */
        @Override
        public int getOrder() {
            return org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100;
        }
    }
}
