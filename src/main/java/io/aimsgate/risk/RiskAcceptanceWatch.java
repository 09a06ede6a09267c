package io.aimsgate.risk;

import static io.aimsgate.risk.RiskAcceptanceProcess.*;

import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Every acceptance with an expiry is watched by an instance of the risk-acceptance process (its engine timers remind
 * the owner ahead of the expiry and let the acceptance lapse at it); an acceptance that ends earlier ends its
 * instance (message {@code RiskAcceptanceEnded}). Both happen in the transaction of the change to the register and
 * on the platform's behalf: the board member who accepts a risk need not be allowed to start processes.
 */
@Component
class RiskAcceptanceWatch {

    private final RuntimeService runtime;
    private final PlatformEngineAccess engine;
    private final RiskAcceptanceProperties properties;
    private final Clock clock;

    RiskAcceptanceWatch(RuntimeService runtime, PlatformEngineAccess engine, RiskAcceptanceProperties properties,
            Clock clock) {
        this.runtime = runtime;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts the watch of an acceptance that has an expiry (the acceptance's expiry is the start of that day, UTC). */
    void start(Risk risk) {
        if (risk.getAcceptanceExpiresOn() == null) {
            return;
        }
        Instant expiresAt = risk.getAcceptanceExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant remindAt = risk.getAcceptanceExpiresOn().minus(properties.reminderLead()).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        if (remindAt.isBefore(clock.instant())) {
            remindAt = clock.instant();
        }
        Instant reminder = remindAt;
        engine.withoutUserAuthorization(() -> runtime.startProcessInstanceByKey(KEY, "risk-" + risk.getId(),
                Variables.createVariables()
                        .putValue(RISK_ID, risk.getId())
                        .putValue(SYSTEM_ID, risk.getSystemId())
                        .putValue(RISK_TITLE, risk.getTitle())
                        .putValue(ACCEPTED_AT, marker(risk))
                        .putValue(EXPIRES_AT, Date.from(expiresAt))
                        .putValue(REMIND_AT, Date.from(reminder))));
    }

    /** Ends the watch of the risk's acceptance, if one runs (the acceptance ended before its expiry). */
    void end(Risk risk) {
        engine.withoutUserAuthorization(() -> runtime.createMessageCorrelation(MESSAGE_ACCEPTANCE_ENDED)
                .processInstanceVariableEquals(RISK_ID, risk.getId()).correlateAllWithResult());
    }

    /** Which acceptance a watch is about: when it was recorded, to the microsecond (what both databases keep). */
    static String marker(Risk risk) {
        return risk.getAcceptedAt() == null ? null : risk.getAcceptedAt().truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Whether the risk is still accepted by the acceptance recorded at {@code acceptedAt}. */
    static boolean isUnder(Risk risk, String acceptedAt) {
        return risk.getStatus() == RiskStatus.ACCEPTED && Objects.equals(marker(risk), acceptedAt);
    }
}
