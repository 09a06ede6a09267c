package io.aimsgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ch.qos.logback.core.CoreConstants;
import io.aimsgate.shared.logging.ConsoleEncoder;
import io.aimsgate.shared.logging.EncodedMessageConverter;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/** The console encoder: Spring Boot's structured JSON when configured, else the encoded pattern. */
class ConsoleEncoderTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void structuredFormatWritesOneJsonObjectALineWithTheUserAndTheProcessInstance() throws Exception {
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        ConsoleEncoder encoder = encoder("ecs");
        String line = new String(encoder.encode(event("Approved\nFAKE forged line", Map.of("user", "oscar",
                "processInstanceId", "pi-42"))), StandardCharsets.UTF_8);

        assertThat(line.strip().lines()).as(line).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).as(line).isEqualTo("Approved\nFAKE forged line");
        assertThat(json.at("/log/level").asText()).as(line).isEqualTo("INFO");
        assertThat(line).contains("\"user\":\"oscar\"").contains("\"processInstanceId\":\"pi-42\"");
    }

    @Test
    void withoutAFormatThePatternEncodesControlCharacters() {
        ConsoleEncoder encoder = encoder("");
        String line = new String(encoder.encode(event("Approved\nFAKE forged line", Map.of())),
                StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("INFO Approved\\nFAKE forged line" + System.lineSeparator());
    }

    private ConsoleEncoder encoder(String format) {
        // As logback-spring.xml's conversionRule does.
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY,
                new HashMap<>(Map.of("m", EncodedMessageConverter.class.getName())));
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %m%n");
        encoder.setStructuredFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(String message, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName("io.aimsgate.Test");
        event.setLevel(Level.INFO);
        event.setMessage(message);
        event.setThreadName("main");
        event.setTimeStamp(System.currentTimeMillis());
        event.setMDCPropertyMap(mdc);
        return event;
    }
}
