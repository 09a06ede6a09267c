package io.aimsgate.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at its own, empty PostgreSQL database ({@link EmbeddedPostgres#freshDatabase()}), so Flyway
 * and the engine start from nothing. The PostgreSQL counterpart of {@link FreshH2Database}, used by
 * {@link PostgresDemoApp}.
 */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aims-test-postgres", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "spring.datasource.driver-class-name", "org.postgresql.Driver")));
    }
}
