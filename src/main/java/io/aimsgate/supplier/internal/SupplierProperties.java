package io.aimsgate.supplier.internal;

import java.time.Instant;
import java.util.Date;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supplier vetting settings from {@code aims.supplier}: how long a passed supplier assessment stays current before
 * the supplier is assessed again (an ISO-8601 duration, the same text the BPMN timer waits for; P12M by default).
 */
@ConfigurationProperties(prefix = "aims.supplier")
record SupplierProperties(String reassessmentInterval) {

    static final String DEFAULT_INTERVAL = "P12M";

    SupplierProperties {
        reassessmentInterval = reassessmentInterval == null || reassessmentInterval.isBlank() ? DEFAULT_INTERVAL
                : reassessmentInterval.strip();
        duration(reassessmentInterval);
    }

    /** When an assessment passed at {@code passedAt} stops being current. */
    Instant currentUntil(Instant passedAt) {
        Date until = Date.from(passedAt);
        duration(reassessmentInterval).addTo(until);
        return until.toInstant();
    }

    private static Duration duration(String text) {
        try {
            Duration duration = DatatypeFactory.newInstance().newDuration(text);
            if (duration.getSign() <= 0) {
                throw new IllegalArgumentException("aims.supplier.reassessment-interval must be a positive ISO-8601 "
                        + "duration, was " + text);
            }
            return duration;
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("No XML datatype factory", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aims.supplier.reassessment-interval must be an ISO-8601 duration "
                    + "such as P12M, was " + text, e);
        }
    }
}
