package io.aimsgate.shared.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder (logback-spring.xml): Spring Boot's structured JSON ({@code logging.structured.format.console}:
 * {@code ecs}, {@code logstash} or {@code gelf}, with the MDC: the request's {@code user}, and the engine's
 * {@code processInstanceId}, {@code processDefinitionId} and {@code activityId} while it executes a process) when one
 * is configured, else Boot's console pattern with our encoded message converters. JSON strings escape control
 * characters themselves, so neither form lets a value a user sent start a forged log line.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String structuredFormat;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setStructuredFormat(String structuredFormat) {
        this.structuredFormat = structuredFormat;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (structuredFormat != null && !structuredFormat.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(structuredFormat.trim());
            structured.setCharset(charset);
            structured.setContext(getContext());
            delegate = structured;
        } else {
            PatternLayoutEncoder patterned = new PatternLayoutEncoder();
            patterned.setPattern(pattern);
            patterned.setCharset(charset);
            patterned.setContext(getContext());
            delegate = patterned;
        }
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
