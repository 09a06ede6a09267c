package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Logs are safe to read: a value a user sent is written with CR, LF and NUL encoded, so it cannot forge a line; a
 * refused engine completion logs one line with the reason and no stack trace; a genuine fault keeps its stack trace.
 * The application's own console logging (logback-spring.xml) is captured as it is written.
 */
@H2DemoApp
@ExtendWith(OutputCaptureExtension.class)
class SafeLogsTest {

    private static final Logger log = LoggerFactory.getLogger(SafeLogsTest.class);
    private static final String FORGED = "ok\r\n2026-12-06T00:00:00.000Z ERROR 1 --- [main] FORGED line\u0000after-nul";
    private static final String ENCODED = "ok\\r\\n2026-12-06T00:00:00.000Z ERROR 1 --- [main] FORGED line\\0after-nul";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    Api api;

    @BeforeEach
    void callers() {
        api = new Api(port);
    }

    @Test
    void userValuesAreLoggedEncodedInMessagesAndExceptionMessages(CapturedOutput output) {
        log.warn("A value from a user: {}", FORGED);
        log.error("A fault quoting a user", new IllegalStateException("bad value " + FORGED));

        String text = output.getOut();
        assertThat(text).contains("A value from a user: " + ENCODED);
        assertThat(text).contains("java.lang.IllegalStateException: bad value " + ENCODED);
        assertNoForgedLine(text);
        // The stack trace itself is still one frame per line.
        assertThat(lines(text)).anyMatch(line -> line.startsWith("\tat io.aimsgate.shared.SafeLogsTest."));
    }

    @Test
    void aRefusedEngineCompletionLogsOneLineWithTheReasonAndNoStackTrace(CapturedOutput output) {
        String task = technicalReviewTask();
        int before = output.getOut().length();

        // A decision outside APPROVE/REJECT carrying CR, LF and NUL, refused by the gate's task listener; then one
        // without the rationale every review needs.
        api.as("mia").post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", FORGED), "rationale", Map.of("value", "Reviewed for the log test"))))
                .expect(400);
        api.as("mia").post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", "APPROVE")))).expect(400);
        String text = output.getOut().substring(before);
        // Both are refused by the form contract in front of the engine (one line each, the value made safe there);
        // the engine's own refusal is logged the same way (see the fault test below).
        List<String> refusals = lines(text).stream().filter(line -> line.contains("Refused POST task/" + task))
                .toList();
        assertThat(refusals).as(text).hasSize(2);
        assertThat(refusals.get(0)).contains("400 ('decision' must be one of [APPROVE, REJECT]");
        assertThat(refusals.get(1)).contains("400 ('rationale' is required)");
        assertThat(text).doesNotContain("ENGINE-16004").doesNotContain("Exception while closing command context");
        assertThat(lines(text)).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
        assertNoForgedLine(text);
        assertThat(api.as("mia").get("/engine-rest/task/" + task).status()).isEqualTo(200);
    }

    @Test
    void aGenuineFaultInTheEngineStillLogsItsStackTraceWhileARuleRefusalDoesNot(CapturedOutput output) {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();

        assertThatThrownBy(() -> commands.execute(context -> {
            throw new ForbiddenException("decision", "Only the governance board may accept this risk.");
        })).isInstanceOf(ForbiddenException.class);
        String refused = output.getOut();
        assertThat(refused).doesNotContain("ENGINE-16004").doesNotContain("Only the governance board");

        assertThatThrownBy(() -> commands.execute(context -> {
            throw new IllegalStateException("A genuine fault for the log test");
        })).isInstanceOf(IllegalStateException.class);
        String fault = output.getOut().substring(refused.length());
        assertThat(fault).contains("ENGINE-16004").contains("java.lang.IllegalStateException: A genuine fault");
        assertThat(lines(fault)).anyMatch(line -> line.startsWith("\tat "));
    }

    /** A fresh deployment request of the demo's Support Chat Assistant, and its technical review task. */
    private String technicalReviewTask() {
        String label = "7." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        api.as("olivia").post("/api/systems/2/versions", Map.of("versionLabel", label, "artifactSha256",
                "ef".repeat(32))).expect(201);
        JsonNode request = api.as("olivia").post("/api/systems/2/versions/" + label + "/deployment-requests",
                Map.of()).expect(201).json();
        JsonNode tasks = api.as("mia").get("/engine-rest/task?processInstanceId="
                + request.get("processInstanceId").asText() + "&taskDefinitionKey=task_technical_review").expect(200)
                .json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private static void assertNoForgedLine(String text) {
        assertThat(lines(text)).noneMatch(line -> line.startsWith("2026-12-06T00:00:00.000Z ERROR 1 --- [main] FORGED"));
        assertThat(text).doesNotContain("\u0000").doesNotContain("FORGED line\r").doesNotContain("ok\r\n");
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\\R"));
    }
}
