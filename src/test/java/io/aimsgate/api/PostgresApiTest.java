package io.aimsgate.api;

import io.aimsgate.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same HTTP scenarios on PostgreSQL (embedded, or the server named by {@code AIMS_TEST_DB_URL}), on a fresh
 * database, demo profile. The context is closed after the class: no other test class shares it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresApiTest extends AbstractApiScenarios {

    @DynamicPropertySource
    static void freshPostgresDatabase(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.registerFreshDatabase(registry);
    }
}
