package io.aimsgate.risk;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Risk acceptance settings ({@code aims.risk.acceptance}): the longest an acceptance may stand ({@code max-validity},
 * 12 months unless set; the expiry the governance board gives a HIGH or CRITICAL risk's acceptance may lie no further
 * ahead) and how long before its expiry the risk's owner is reminded ({@code reminder-lead}, 30 days unless set).
 */
@ConfigurationProperties(prefix = "aims.risk.acceptance")
public record RiskAcceptanceProperties(Period maxValidity, Period reminderLead) {

    public RiskAcceptanceProperties {
        maxValidity = maxValidity == null ? Period.ofMonths(12) : maxValidity;
        reminderLead = reminderLead == null ? Period.ofDays(30) : reminderLead;
        if (maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException("aims.risk.acceptance.max-validity must be positive");
        }
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("aims.risk.acceptance.reminder-lead must not be negative");
        }
    }
}
