package io.aimsgate.risk;

/** {@link AbstractRiskQueriesJpaTest} on an embedded H2 database that Flyway migrated. */
class H2RiskQueriesJpaTest extends AbstractRiskQueriesJpaTest {
}
