package io.aimsgate.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}, {@code %msg}, {@code %message} in every log pattern (logback-spring.xml): the message, encoded. */
public class EncodedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.encode(super.convert(event));
    }
}
