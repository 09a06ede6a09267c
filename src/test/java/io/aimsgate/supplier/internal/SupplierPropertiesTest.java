package io.aimsgate.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The re-assessment interval: an ISO-8601 duration, the same text the BPMN timer waits for. */
class SupplierPropertiesTest {

    static final Instant PASSED = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void twelveMonthsByDefault() {
        SupplierProperties properties = new SupplierProperties(null);
        assertThat(properties.reassessmentInterval()).isEqualTo("P12M");
        assertThat(properties.currentUntil(PASSED)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    }

    @Test
    void anyPositiveDurationTheTimerUnderstands() {
        assertThat(new SupplierProperties("PT36H").currentUntil(PASSED)).isEqualTo(Instant.parse("2026-02-01T22:00:00Z"));
        assertThat(new SupplierProperties("P1Y").currentUntil(PASSED)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    }

    @Test
    void aMalformedOrNonPositiveIntervalStopsStartUp() {
        assertThatThrownBy(() -> new SupplierProperties("12 months")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aims.supplier.reassessment-interval");
        assertThatThrownBy(() -> new SupplierProperties("-P1Y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupplierProperties("PT0S")).isInstanceOf(IllegalArgumentException.class);
    }
}
