package io.aimsgate.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
     * Adds the mapper {@code mapper} (named {@code resource} in MyBatis' messages) unless a statement called
     * {@code ours} is already there, and routes {@code engineStatement} to {@code ours}.
     */
    static void route(ProcessEngineConfigurationImpl configuration, String engineStatement, String ours,
            String resource, String mapper) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {
            if (!mybatis.hasStatement(ours, false)) {
                try (InputStream xml = new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8))) {
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

    /** A mapper's text: the engine's from the engine's class loader, ours from ours; a clear failure if missing. */
    static String text(String resource) {
        ClassLoader loader = resource.startsWith("org/camunda/") ? ProcessEngineConfigurationImpl.class.getClassLoader()
                : EngineStatementRoutes.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
