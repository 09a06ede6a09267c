package io.aimsgate.shared;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, has the current transaction plan each of its statements with its parameter values
 * ({@code SET LOCAL plan_cache_mode = force_custom_plan}), once per transaction; elsewhere (H2), and outside a
 * transaction, it does nothing.
 *
 * <p>Why: the pool's connections let PostgreSQL reuse a generic plan for a statement it has planned five times
 * (its default, {@code plan_cache_mode = auto}), which spares the planning of the thousands of small look-ups,
 * inserts and updates a gate makes. A query whose best plan depends on its values must not get one: the engine's
 * task, history and filter queries test the caller's grants ({@code ACT_RU_AUTHORIZATION}) with the user, groups
 * and permission bits as parameters, and without the values PostgreSQL estimates 14 matching grants where there
 * are 11,100; with 100,000 open tasks that generic plan counted a Tasklist filter in more than 30 s instead of
 * 0.2 s (docs/benchmarks.md, "Plan caching (session 6)"). {@link EngineQueriesPlanWithValues} calls this for
 * every engine query, the KPI report for its year of history.
 *
 * <p>{@code SET LOCAL} ends with the transaction. A transaction suspended for an inner one (REQUIRES_NEW) keeps its
 * setting; the inner one, on its own connection, sets its own when it needs it.
 */
@Component
public class PlanWithValues {

    static final String STATEMENT = "SET LOCAL plan_cache_mode = force_custom_plan";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    PlanWithValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current transaction's remaining statements are planned with their values (PostgreSQL only). */
    public void inThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.hasResource(this) || !postgres()) {
            return;
        }
        jdbc.execute(STATEMENT);
        Marker marker = new Marker();
        TransactionSynchronizationManager.bindResource(this, marker);
        TransactionSynchronizationManager.registerSynchronization(marker);
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Marks the transaction as set; set aside while an inner transaction runs, gone when it ends. */
    private final class Marker implements TransactionSynchronization {

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(PlanWithValues.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PlanWithValues.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PlanWithValues.this);
        }
    }
}
