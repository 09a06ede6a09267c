package io.aimsgate.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which months' board reports were mailed: the primary key on the month lets exactly one node claim it. */
@Repository
class BoardMailLedger {

    private final JdbcTemplate jdbc;

    BoardMailLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this call claimed the month; false if it was claimed before (by this node or another). */
    boolean claim(YearMonth month, Instant now) {
        try {
            return jdbc.update("INSERT INTO board_report_mail (report_month, claimed_at) VALUES (?, ?)",
                    month.toString(), now.atOffset(ZoneOffset.UTC)) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void record(YearMonth month, Instant sentAt, int recipients, String outcome) {
        jdbc.update("UPDATE board_report_mail SET sent_at = ?, recipients = ?, outcome = ? WHERE report_month = ?",
                sentAt == null ? null : sentAt.atOffset(ZoneOffset.UTC), recipients,
                outcome.length() > 500 ? outcome.substring(0, 500) : outcome, month.toString());
    }
}
