package io.aimsgate.risk;

import io.aimsgate.support.EmbeddedPostgres;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AbstractRiskQueriesJpaTest} on a fresh PostgreSQL database (embedded) that Flyway migrated. */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresRiskQueriesJpaTest extends AbstractRiskQueriesJpaTest {

    @DynamicPropertySource
    static void freshPostgresDatabase(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.registerFreshDatabase(registry);
    }
}
