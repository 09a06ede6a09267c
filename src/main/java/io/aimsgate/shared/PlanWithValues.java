package io.aimsgate.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, runs a piece of work with its statements planned with their parameter values
 * ({@code plan_cache_mode = force_custom_plan}, local to the transaction) and sets the transaction's setting back
 * afterwards; elsewhere (H2), and outside a transaction, it just runs the work.
 *
 * <p>Why: the pool's connections let PostgreSQL reuse a generic plan for a statement it has planned five times
 * (its default, {@code plan_cache_mode = auto}), which spares planning the thousands of small look-ups, inserts
 * and updates a gate makes. A query whose best plan depends on its values must not get one: the engine's task,
 * history and filter queries test the caller's grants ({@code ACT_RU_AUTHORIZATION}) with the user, groups and
 * permission bits as parameters, and without the values PostgreSQL estimates 14 matching grants where there are
 * 11,100; with 100,000 open tasks that generic plan counted a Tasklist filter in more than 30 s instead of 0.2 s
 * (docs/benchmarks.md, "Plan caching (session 6)"). {@link EngineQueriesPlanWithValues} runs every engine query
 * through this, the KPI report its year of history.
 *
 * <p>The setting is the connection's, so work nested in work on the same transaction's connection (a filter that
 * runs its query) sets it once; an inner transaction (REQUIRES_NEW) has a connection of its own and sets its own.
 */
@Component
public class PlanWithValues {

    static final String MODE = "force_custom_plan";
    private static final String SET = "SELECT current_setting('plan_cache_mode'), set_config('plan_cache_mode', '"
            + MODE + "', true)";
    private static final String RESTORE = "SELECT set_config('plan_cache_mode', ?, true)";
    private static final ThreadLocal<Connection> ACTIVE = new ThreadLocal<>();

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator = new SQLStateSQLExceptionTranslator();
    private volatile Boolean postgres;

    PlanWithValues(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work with its statements planned with their values (PostgreSQL, in a transaction). */
    public <T> T around(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || Boolean.FALSE.equals(postgres)) {
            return work.get(); // known not to be PostgreSQL: not even the transaction's connection is asked for
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (ACTIVE.get() == connection || !postgres(connection)) {
                return work.get();
            }
            String previous = set(connection);
            Connection outer = ACTIVE.get();
            ACTIVE.set(connection);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                // the transaction may be aborted by the failure; it rolls back, and its setting with it
                restoreQuietly(connection, previous, failure);
                throw failure;
            } finally {
                restoreActive(outer);
            }
            restore(connection, previous);
            return result;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void restoreActive(Connection outer) {
        if (outer == null) {
            ACTIVE.remove();
        } else {
            ACTIVE.set(outer);
        }
    }

    private boolean postgres(Connection connection) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw translator.translate("database product", null, e);
            }
            postgres = known;
        }
        return known;
    }

    private String set(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(SET);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw translator.translate("plan with values", SET, e);
        }
    }

    private void restore(Connection connection, String previous) {
        try (PreparedStatement statement = connection.prepareStatement(RESTORE)) {
            statement.setString(1, previous);
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw translator.translate("plan caching restored", RESTORE, e);
        }
    }

    private void restoreQuietly(Connection connection, String previous, Throwable failure) {
        try {
            restore(connection, previous);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
