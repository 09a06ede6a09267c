package io.aimsgate.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production profile ({@code postgres} or {@code keycloak}) while a secret still has the example
 * value printed in docker-compose.yml, .env.example or the docs ({@code change-me...}), before anything connects
 * anywhere. The refusal names the property and the environment variable, never the value.
 */
public class ExampleSecretGuard implements EnvironmentPostProcessor, Ordered {

    static final Set<String> PRODUCTION_PROFILES = Set.of("postgres", "keycloak");

    /** Secrets, by property, with the environment variable an operator sets. */
    static final Map<String, String> SECRETS = secrets();

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("spring.datasource.password", "AIMS_DB_PASSWORD");
        secrets.put("spring.security.oauth2.client.registration.keycloak.client-secret", "AIMS_WEBAPP_CLIENT_SECRET");
        secrets.put("plugin.identity.keycloak.client-secret", "AIMS_IDENTITY_CLIENT_SECRET");
        secrets.put("camunda.bpm.admin-user.password", "CAMUNDA_BPM_ADMINUSER_PASSWORD");
        secrets.put("aims.audit.keystore-password", "AIMS_AUDIT_KEYSTORE_PASSWORD");
        return secrets;
    }

    /** True for a value that is an example, not a secret: the documented placeholders. */
    static boolean isExample(String value) {
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        return normalised.startsWith("change-me") || normalised.startsWith("changeme")
                || normalised.equals("example") || normalised.equals("secret") || normalised.equals("password");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.stream(environment.getActiveProfiles()).noneMatch(PRODUCTION_PROFILES::contains)) {
            return;
        }
        List<String> examples = new ArrayList<>();
        SECRETS.forEach((property, variable) -> {
            String value;
            try {
                value = environment.getProperty(property);
            } catch (IllegalArgumentException unresolved) {
                // ${VARIABLE} without a value yet: the property source that sets it comes later (or start-up fails
                // on it with Spring's own message); no example value to refuse.
                return;
            }
            if (value != null && isExample(value)) {
                examples.add(property + " (" + variable + ")");
            }
        });
        if (!examples.isEmpty()) {
            throw new ExampleSecretException(examples);
        }
    }

    /** After the configuration files and the environment are read (and the profiles known). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A secret still has its example value. */
    public static class ExampleSecretException extends IllegalStateException {

        private final List<String> secrets;

        ExampleSecretException(List<String> secrets) {
            super("Secrets with their example value: " + String.join(", ", secrets));
            this.secrets = List.copyOf(secrets);
        }

        public List<String> secrets() {
            return secrets;
        }
    }

    /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<ExampleSecretException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ExampleSecretException cause) {
            return new FailureAnalysis(
                    "AIMS Gate refuses to start in a production profile while a secret still has its example value: "
                            + String.join(", ", cause.secrets()) + ".",
                    "Set each of them to a secret of your own (environment variable or secret store), as described"
                            + " in docs/operations.md, \"Secrets\".",
                    cause);
        }
    }
}
