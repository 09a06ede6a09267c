package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The admission policies in {@code deploy/} read what the platform signs: their predicate type is ours, and every
 * predicate field their conditions read exists in a decision the running platform issued, with the value the
 * conditions demand for an approved production decision (environment, decision, an expiry in the future).
 */
@H2DemoApp
class DeployPoliciesTest {

    static final Path KYVERNO = Path.of("deploy", "kyverno-deployment-decision.yaml");
    static final Path POLICY_CONTROLLER = Path.of("deploy", "policy-controller-deployment-decision.yaml");
    static final String PLACEHOLDER = "AIMS_GATE_PUBLIC_KEY";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void kyvernoReadsFieldsOfTheIssuedDecision() throws Exception {
        IssuedDecisions.Issued issued = IssuedDecisions.anyProductionDecision(new Api(port));
        Map<String, Object> policy = load(KYVERNO);
        assertThat(policy).containsEntry("apiVersion", "kyverno.io/v1").containsEntry("kind", "ClusterPolicy");
        List<Map<String, Object>> attestations = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) at(policy, "spec", "rules")) {
            for (Map<String, Object> verify : (List<Map<String, Object>>) rule.get("verifyImages")) {
                attestations.addAll((List<Map<String, Object>>) verify.get("attestations"));
            }
        }
        assertThat(attestations).isNotEmpty();
        for (Map<String, Object> attestation : attestations) {
            assertThat(attestation.get("type")).isEqualTo(issued.statement().get("predicateType").asText())
                    .isEqualTo(DeploymentAttestations.PREDICATE_TYPE);
            Map<String, Object> keys = (Map<String, Object>) ((List<Map<String, Object>>) ((List<Map<String, Object>>)
                    attestation.get("attestors")).get(0).get("entries")).get(0).get("keys");
            assertThat((String) keys.get("publicKeys")).contains("-----BEGIN PUBLIC KEY-----", PLACEHOLDER);
            Set<String> read = new LinkedHashSet<>();
            for (Map<String, Object> block : (List<Map<String, Object>>) attestation.get("conditions")) {
                for (Map<String, Object> condition : (List<Map<String, Object>>) block.get("all")) {
                    String key = (String) condition.get("key");
                    read.addAll(fieldsOf(key));
                    assertThat(condition.get("operator")).isEqualTo("Equals");
                    Matcher plain = Pattern.compile("^\\{\\{ (\\w+) }}$").matcher(key);
                    if (plain.matches()) {
                        assertThat(issued.statement().get("predicate").get(plain.group(1)).asText())
                                .as(key).isEqualTo(String.valueOf(condition.get("value")));
                    } else {
                        assertThat(key).isEqualTo("{{ time_before(time_now_utc(), expiresAt) }}");
                        assertThat(condition.get("value")).isEqualTo(true);
                    }
                }
            }
            assertThat(read).containsExactlyInAnyOrder("environment", "decision", "expiresAt");
            assertPredicateHas(issued, read);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void policyControllerReadsFieldsOfTheIssuedDecision() throws Exception {
        IssuedDecisions.Issued issued = IssuedDecisions.anyProductionDecision(new Api(port));
        Map<String, Object> policy = load(POLICY_CONTROLLER);
        assertThat(policy).containsEntry("apiVersion", "policy.sigstore.dev/v1beta1")
                .containsEntry("kind", "ClusterImagePolicy");
        List<Map<String, Object>> authorities = (List<Map<String, Object>>) at(policy, "spec", "authorities");
        assertThat(authorities).isNotEmpty();
        for (Map<String, Object> authority : authorities) {
            assertThat((String) ((Map<String, Object>) authority.get("key")).get("data"))
                    .contains("-----BEGIN PUBLIC KEY-----", PLACEHOLDER);
            for (Map<String, Object> attestation : (List<Map<String, Object>>) authority.get("attestations")) {
                assertThat(attestation.get("predicateType")).isEqualTo(DeploymentAttestations.PREDICATE_TYPE);
                Map<String, Object> rego = (Map<String, Object>) attestation.get("policy");
                assertThat(rego.get("type")).isEqualTo("rego");
                String data = (String) rego.get("data");
                Set<String> read = new LinkedHashSet<>();
                Matcher field = Pattern.compile("input\\.predicate\\.(\\w+)").matcher(data);
                while (field.find()) {
                    read.add(field.group(1));
                }
                assertThat(read).containsExactlyInAnyOrder("environment", "decision", "expiresAt");
                assertPredicateHas(issued, read);
                Matcher equals = Pattern.compile("input\\.(predicateType|predicate\\.(\\w+)) == \"([^\"]+)\"")
                        .matcher(data);
                int comparisons = 0;
                while (equals.find()) {
                    JsonNode actual = equals.group(2) == null ? issued.statement().get("predicateType")
                            : issued.statement().get("predicate").get(equals.group(2));
                    assertThat(actual.asText()).as(equals.group()).isEqualTo(equals.group(3));
                    comparisons++;
                }
                assertThat(comparisons).isEqualTo(3);
                assertThat(data).contains("time.now_ns() < time.parse_rfc3339_ns(input.predicate.expiresAt)");
            }
        }
    }

    @Test
    void theKeyPlaceholderIsOneLineEachPolicyRendersTheKeyInto() throws Exception {
        for (Path file : List.of(KYVERNO, POLICY_CONTROLLER)) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.stream().filter(line -> line.contains(PLACEHOLDER)))
                    .as(file + ": docs/pipelines.md replaces this line with the key's PEM lines")
                    .singleElement().satisfies(line -> assertThat(line.trim()).isEqualTo(PLACEHOLDER));
        }
    }

    private static void assertPredicateHas(IssuedDecisions.Issued issued, Set<String> fields) {
        JsonNode predicate = issued.statement().get("predicate");
        for (String name : fields) {
            assertThat(predicate.hasNonNull(name)).as("predicate." + name + " in " + predicate).isTrue();
        }
        assertThat(Instant.parse(predicate.get("expiresAt").asText())).isAfter(Instant.now());
    }

    /** Identifiers a Kyverno JMESPath key reads from the predicate (function names are followed by a parenthesis). */
    static Set<String> fieldsOf(String key) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher expression = Pattern.compile("\\{\\{(.*?)}}").matcher(key);
        while (expression.find()) {
            Matcher identifier = Pattern.compile("\\b([A-Za-z_]\\w*)\\b(?!\\s*\\()").matcher(expression.group(1));
            while (identifier.find()) {
                fields.add(identifier.group(1));
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... path) {
        Object node = map;
        for (String step : path) {
            node = ((Map<String, Object>) node).get(step);
        }
        return node;
    }

    private static Map<String, Object> load(Path file) throws Exception {
        return new Yaml().load(Files.readString(file));
    }
}
