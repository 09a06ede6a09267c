package io.aimsgate.report;

import io.aimsgate.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The period of a report: {@code from} inclusive, {@code to} inclusive, as calendar dates in UTC. Without dates the
 * period is the last twelve months up to today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** A year of history is the design size; ten years is a generous upper bound that keeps the queries bounded. */
    static final int MAX_DAYS = 3660;

    public static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusMonths(12).plusDays(1);
        if (start.isAfter(end)) {
            throw new InvalidInputException(from != null ? "from" : "to", "must not be after 'to'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputException("from", "the period must not be longer than " + MAX_DAYS + " days");
        }
        return new ReportPeriod(start, end);
    }

    /** First instant of the period. */
    Instant start() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** First instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
