package io.aimsgate.gate;

import io.aimsgate.support.PostgresDemoApp;

/** The attestation scenarios on PostgreSQL: the same answers as on H2. */
@PostgresDemoApp
class PostgresAttestationTest extends AbstractAttestationScenarios {
}
