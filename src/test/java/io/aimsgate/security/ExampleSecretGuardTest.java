package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.AimsGateApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

/** A production profile refuses to start with an example secret; compose asks for every secret. */
class ExampleSecretGuardTest {

    private final ExampleSecretGuard guard = new ExampleSecretGuard();

    @Test
    void aProductionProfileWithAnExampleSecretIsRefusedNamingThePropertyNotTheValue() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.password", "change-me")
                .withProperty("plugin.identity.keycloak.client-secret", "change-me-identity")
                .withProperty("spring.security.oauth2.client.registration.keycloak.client-secret", "s3cr3t-of-our-own");
        environment.setActiveProfiles("postgres", "keycloak");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(ExampleSecretGuard.ExampleSecretException.class, e -> {
                    assertThat(e.secrets()).containsExactly("spring.datasource.password (AIMS_DB_PASSWORD)",
                            "plugin.identity.keycloak.client-secret (AIMS_IDENTITY_CLIENT_SECRET)");
                    FailureAnalysis analysis = new ExampleSecretGuard.Analyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("AIMS_DB_PASSWORD")
                            .doesNotContain("change-me-identity");
                    assertThat(analysis.getAction()).contains("docs/operations.md");
                });
    }

    @Test
    void realSecretsAndTheEmbeddedDefaultStart() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.password", "Xq7-long-secret");
        production.setActiveProfiles("postgres");
        guard.postProcessEnvironment(production, new SpringApplication());

        MockEnvironment demo = new MockEnvironment().withProperty("spring.datasource.password", "change-me");
        demo.setActiveProfiles("demo");
        guard.postProcessEnvironment(demo, new SpringApplication());
    }

    @Test
    void aSecretWhosePlaceholderIsNotYetResolvableIsLeftToSpring() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("plugin.identity.keycloak.client-secret", "${AIMS_IDENTITY_CLIENT_SECRET}")
                .withProperty("spring.datasource.password", "change-me");
        environment.setActiveProfiles("keycloak");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(ExampleSecretGuard.ExampleSecretException.class,
                        e -> assertThat(e.secrets()).containsExactly("spring.datasource.password (AIMS_DB_PASSWORD)"));
    }

    @Test
    void theApplicationStopsBeforeItConnectsAnywhere() {
        // As docker-compose.yml's defaults would: the variable the postgres profile reads the password from.
        SpringApplicationBuilder app = new SpringApplicationBuilder(AimsGateApplication.class).profiles("postgres");
        assertThatThrownBy(() -> app.run("--AIMS_DB_PASSWORD=change-me",
                        "--AIMS_DB_URL=jdbc:postgresql://127.0.0.1:1/nowhere"))
                .isInstanceOf(ExampleSecretGuard.ExampleSecretException.class)
                .hasMessageContaining("spring.datasource.password");
    }

    /**
     * docker-compose.yml runs Keycloak in production mode with a database of its own, requires every secret, and
     * .env.example offers only values the guard refuses.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileIsProductionGrade() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(compose)
                .get("services");
        Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak");
        List<String> command = (List<String>) keycloak.get("command");
        assertThat(command).contains("start").doesNotContain("start-dev");
        Map<String, Object> keycloakEnv = (Map<String, Object>) keycloak.get("environment");
        assertThat(keycloakEnv).containsEntry("KC_DB", "postgres");
        assertThat((String) keycloakEnv.get("KC_DB_URL")).contains("keycloak-db");
        assertThat(services).containsKey("keycloak-db");

        List<String> required = new ArrayList<>();
        Matcher variables = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])?([^}]*)}").matcher(compose);
        while (variables.find()) {
            String name = variables.group(1);
            if (name.endsWith("PASSWORD") || name.endsWith("SECRET")) {
                assertThat(variables.group(2)).as(name + " is required, without a default").isEqualTo(":?");
                required.add(name);
            }
        }
        assertThat(required).contains("AIMS_DB_PASSWORD", "KEYCLOAK_DB_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
                "AIMS_WEBAPP_CLIENT_SECRET", "AIMS_IDENTITY_CLIENT_SECRET", "AIMS_PIPELINE_CLIENT_SECRET",
                "AIMS_MONITORING_CLIENT_SECRET");

        Map<String, String> examples = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                examples.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        for (String name : required) {
            assertThat(examples).as(".env.example lists " + name).containsKey(name);
            assertThat(ExampleSecretGuard.isExample(examples.get(name))).as(name + " example is refused").isTrue();
        }
    }
}
