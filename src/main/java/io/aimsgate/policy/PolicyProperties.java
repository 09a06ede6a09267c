package io.aimsgate.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aims.policy}: the review interval of a new policy document unless it names its own (ISO-8601 period,
 * yearly by default), and how often people who have not yet acknowledged a published version are reminded
 * (ISO-8601 repeating interval of the engine's timers).
 */
@ConfigurationProperties(prefix = "aims.policy")
public record PolicyProperties(String reviewInterval, String acknowledgementReminderCycle) {

    public PolicyProperties {
        reviewInterval = reviewInterval == null || reviewInterval.isBlank() ? "P1Y" : reviewInterval;
        acknowledgementReminderCycle = acknowledgementReminderCycle == null || acknowledgementReminderCycle.isBlank()
                ? "R3/P7D" : acknowledgementReminderCycle;
    }
}
