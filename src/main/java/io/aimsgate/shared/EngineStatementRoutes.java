package io.aimsgate.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * How our engine plugins give one of the engine's statements a version of our own: the mapper that holds it is added
 * to the engine's MyBatis configuration once (after the engine parsed its own), and the engine's statement is mapped
 * to it through the engine's statement mappings, the mechanism the engine itself uses for a database's own version of
 * a statement ({@code selectFilter_postgres}). Nothing else changes: a statement that is not mapped runs as the
 * engine wrote it.
 */
final class EngineStatementRoutes {

    private EngineStatementRoutes() {
    }

    /**
     * Adds the mapper read from {@code mapper} (named {@code resource} in MyBatis' messages) unless a statement called
     * {@code ours} is already there, and routes {@code engineStatement} to {@code ours}.
     */
    static void route(ProcessEngineConfigurationImpl configuration, String engineStatement, String ours,
            String resource, Supplier<InputStream> mapper) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {
            if (!mybatis.hasStatement(ours, false)) {
                try (InputStream xml = mapper.get()) {
                    new XMLMapperBuilder(xml, mybatis, resource, mybatis.getSqlFragments()).parse();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (!mybatis.hasStatement(ours, false)) {
                throw new IllegalStateException(resource + " has no statement " + ours);
            }
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        synchronized (sessions) {
            // A copy: the engine's mappings for a database are one map shared by every engine in the JVM.
            Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                    : new HashMap<>(sessions.getStatementMappings());
            mappings.put(engineStatement, ours);
            sessions.setStatementMappings(mappings);
        }
    }

    /** A resource of our class path, or a clear failure when the build lost it. */
    static InputStream resource(String name) {
        InputStream xml = EngineStatementRoutes.class.getClassLoader().getResourceAsStream(name);
        if (xml == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        return xml;
    }
}
