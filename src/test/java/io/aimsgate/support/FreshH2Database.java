package io.aimsgate.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at its own, empty in-memory H2 database ({@code jdbc:h2:mem:aims-<random>}), so Flyway
 * and the engine start from nothing. Used as a context initializer (see {@link H2DemoApp}) rather than a
 * {@code @DynamicPropertySource} so that every test class carrying the same annotation shares one cached context.
 */
public class FreshH2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = "jdbc:h2:mem:aims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aims-test-h2", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "spring.datasource.driver-class-name", "org.h2.Driver")));
    }
}
