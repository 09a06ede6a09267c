package io.aimsgate.shared;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * The process engine is built only after Flyway has migrated the database: the engine's schema comes from migration
 * V7_2 and the engine starts with {@code schema-update: false} (ADR 0005). Spring Boot orders Flyway before JPA only;
 * the engine reached Flyway so far through the JPA transaction manager, which is no promise.
 */
@Component
class EngineStartsAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

    EngineStartsAfterFlyway() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class, Flyway.class);
    }
}
