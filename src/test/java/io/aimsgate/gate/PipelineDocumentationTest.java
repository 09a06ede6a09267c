package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pipeline check exactly as docs/pipelines.md tells a pipeline to run it: the command between its
 * {@code pipeline-check} markers, run by bash with curl against the running platform, exits 0 with the decision for
 * an approved version's artefact, and exits non-zero with the problem for another artefact or an unknown environment.
 */
@H2DemoApp
class PipelineDocumentationTest {

    @LocalServerPort
    int port;

    /** {@code output} is what curl wrote to standard output (the answer's body), {@code errors} its messages. */
    record Run(int exit, String output, String errors) {
    }

    @Test
    void theDocumentedCommandAnswers200ForTheApprovedArtefactAnd409Otherwise() throws Exception {
        String command = documentedCommand();
        assertThat(command).startsWith("curl ").contains("--fail-with-body", "digest=sha256:$MODEL_SHA256",
                "environment=$DEPLOY_ENVIRONMENT");
        IssuedDecisions.Issued issued = IssuedDecisions.anyProductionDecision(new Api(port));

        Run allowed = run(command, issued, issued.artifactSha256(), "production");
        assertThat(allowed.exit()).as(allowed.output() + allowed.errors()).isZero();
        JsonNode decision = new ObjectMapper().readTree(allowed.output());
        assertThat(decision.get("allowed").asBoolean()).isTrue();
        assertThat(decision.get("environment").asText()).isEqualTo("production");
        assertThat(decision.get("digest").asText()).isEqualTo("sha256:" + issued.artifactSha256());

        String other = issued.artifactSha256().startsWith("0") ? "1".repeat(64) : "0".repeat(64);
        Run refused = run(command, issued, other, "production");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(22);
        assertThat(refused.errors()).contains("409");
        JsonNode problem = new ObjectMapper().readTree(refused.output());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("reasons").toString()).contains("sha256:" + issued.artifactSha256());

        Run unknown = run(command, issued, issued.artifactSha256(), "moon");
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(22);
        assertThat(unknown.output()).contains("\"status\":400").contains("environment");
    }

    /** The bash block between {@code <!-- pipeline-check:begin -->} and {@code <!-- pipeline-check:end -->}. */
    static String documentedCommand() throws Exception {
        String doc = Files.readString(Path.of("docs", "pipelines.md"));
        Matcher block = Pattern.compile("<!-- pipeline-check:begin -->\\s*```bash\\n(.*?)```\\s*<!-- pipeline-check:end -->",
                Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("docs/pipelines.md has the marked pipeline-check command").isTrue();
        return block.group(1).trim();
    }

    private Run run(String command, IssuedDecisions.Issued issued, String sha256, String environment)
            throws Exception {
        Path errors = Files.createTempFile("pipeline-check", ".err");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectError(errors.toFile());
        Map<String, String> env = builder.environment();
        env.put("AIMS_GATE_URL", "http://127.0.0.1:" + port);
        env.put("AIMS_GATE_USER", "ben");
        env.put("AIMS_GATE_PASSWORD", Api.DEMO_PASSWORD);
        env.put("AIMS_SYSTEM_ID", String.valueOf(issued.systemId()));
        env.put("MODEL_VERSION", issued.versionLabel());
        env.put("MODEL_SHA256", sha256);
        env.put("DEPLOY_ENVIRONMENT", environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String messages = Files.readString(errors);
        Files.delete(errors);
        return new Run(process.exitValue(), output, messages);
    }
}
