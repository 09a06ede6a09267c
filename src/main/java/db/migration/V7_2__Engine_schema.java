package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The Camunda engine's schema, version 7.24, from the engine's own create scripts (the {@code camunda-engine} jar,
 * {@code org/camunda/bpm/engine/db/create/activiti.<database>.create.<component>.sql}): the same scripts, in the same
 * order, that the engine runs itself with {@code schema-update: true}. A component whose table is already there (a
 * database the engine created at start-up before this migration existed) is left alone, so such a database only
 * gets its history row here. The engine then starts with {@code schema-update: false} and never changes its
 * schema; an engine upgrade is a new migration that applies Camunda's upgrade scripts (ADR 0005).
 */
public class V7_2__Engine_schema extends BaseJavaMigration {

    /** The engine minor version whose schema this migration creates ({@code ACT_GE_SCHEMA_LOG}). */
    public static final String ENGINE_MINOR_VERSION = "7.24";

    /** Each part of the schema, in the engine's order, with the table the engine looks for to know it is there. */
    public record Component(String name, String table) {
    }

    public static final List<Component> COMPONENTS = List.of(
            new Component("engine", "ACT_RU_EXECUTION"),
            new Component("history", "ACT_HI_PROCINST"),
            new Component("identity", "ACT_ID_USER"),
            new Component("case.engine", "ACT_RE_CASE_DEF"),
            new Component("case.history", "ACT_HI_CASEINST"),
            new Component("decision.engine", "ACT_RE_DECISION_DEF"),
            new Component("decision.history", "ACT_HI_DECINST"));

    private static final Logger log = LoggerFactory.getLogger(V7_2__Engine_schema.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = engineDatabaseType(connection);
        if (tableExists(connection, "ACT_GE_SCHEMA_LOG")) {
            requireSchemaVersion(connection);
        }
        for (Component component : COMPONENTS) {
            if (tableExists(connection, component.table())) {
                log.info("Engine schema part {} is already there ({} exists): left as it is", component.name(),
                        component.table());
                continue;
            }
            String script = "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component.name()
                    + ".sql";
            ScriptUtils.executeSqlScript(connection,
                    new EncodedResource(new ClassPathResource(script), StandardCharsets.UTF_8));
            log.info("Created engine schema part {} from {}", component.name(), script);
        }
    }

    /**
     * An engine schema that is there already must be this engine's: an older one is upgraded with Camunda's upgrade
     * scripts before this release starts (docs/operations.md), never silently used.
     */
    private static void requireSchemaVersion(Connection connection) throws SQLException {
        List<String> versions = new java.util.ArrayList<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        if (versions.stream().noneMatch(v -> v != null && v.startsWith(ENGINE_MINOR_VERSION + "."))) {
            throw new FlywayException("The engine schema in this database is at " + versions + ", not "
                    + ENGINE_MINOR_VERSION + ": apply Camunda's upgrade scripts (camunda-engine jar, "
                    + "org/camunda/bpm/engine/db/upgrade/) up to " + ENGINE_MINOR_VERSION
                    + " first (docs/operations.md)");
        }
    }

    /** Camunda's name for the database behind the connection; only the two AIMS Gate runs on are accepted. */
    static String engineDatabaseType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "PostgreSQL" -> "postgres";
            case "H2" -> "h2";
            default -> throw new FlywayException("AIMS Gate runs on PostgreSQL or H2, not on " + product);
        };
    }

    /** Whether the table exists in the connection's current schema, whatever case the database stores names in. */
    public static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name,
                    new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
