package io.aimsgate.operation.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code reevaluation_watch} (migration V7_2_1): one row per system whose re-evaluation watch was started.
 * Its primary key decides which of several concurrent approvals of a system's versions starts the watch; the others
 * wait for that transaction (PostgreSQL) and then find the row taken. A row whose watch has ended is taken over by
 * raising its generation from the value read, which again only one transaction can do.
 */
@Component
class ReevaluationWatches {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    ReevaluationWatches(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Starts the system's watch with {@code start} (which answers the started process instance) if this call claims
     * it: the system has no row yet (and no re-evaluation of it runs), or its row's watch has ended ({@code
     * watchRunning} is false) and this call takes the row over. Runs in the caller's transaction, or in a new one. True if {@code start} ran.
     */
    boolean startUnlessWatched(long systemId, BooleanSupplier watchRunning, Supplier<String> start) {
        Boolean started = transaction.execute(status -> {
            // A system already watched has its row: read it first, so the usual case (a later version of a system in
            // operation) writes nothing; only a system without a row tries the insert that decides a race.
            Integer generation = generationOf(systemId);
            boolean claimed = generation != null ? takeOverEndedRow(systemId, generation, watchRunning)
                    : claimNewRow(systemId) ? !watchRunning.getAsBoolean()
                    : takeOverEndedRow(systemId, generationOf(systemId), watchRunning);
            if (!claimed) {
                // Watched already (a row whose watch runs, or, with a new row, a re-evaluation started otherwise).
                return false;
            }
            jdbc.update("UPDATE reevaluation_watch SET process_instance_id = ? WHERE system_id = ?", start.get(),
                    systemId);
            return true;
        });
        return Boolean.TRUE.equals(started);
    }

    /** The watching process instance recorded for the system, if any. */
    String processInstanceOf(long systemId) {
        return jdbc.query("SELECT process_instance_id FROM reevaluation_watch WHERE system_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, systemId);
    }

    /** Inserts the row behind a savepoint: a duplicate key must not abort the caller's (PostgreSQL) transaction. */
    private boolean claimNewRow(long systemId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                jdbc.update("INSERT INTO reevaluation_watch (system_id, generation, claimed_at) VALUES (?, 0, ?)",
                        systemId, now());
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (DuplicateKeyException taken) {
                connection.rollback(savepoint);
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the re-evaluation watch of system " + systemId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The generation of the system's row, or null when it has none. */
    private Integer generationOf(long systemId) {
        return jdbc.query("SELECT generation FROM reevaluation_watch WHERE system_id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, systemId);
    }

    private boolean takeOverEndedRow(long systemId, Integer generation, BooleanSupplier watchRunning) {
        if (generation == null) {
            throw new IllegalStateException("The re-evaluation watch row of system " + systemId + " is missing");
        }
        if (watchRunning.getAsBoolean()) {
            return false;
        }
        return jdbc.update("UPDATE reevaluation_watch SET generation = ?, process_instance_id = NULL, claimed_at = ? "
                + "WHERE system_id = ? AND generation = ?", generation + 1, now(), systemId, generation) == 1;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
