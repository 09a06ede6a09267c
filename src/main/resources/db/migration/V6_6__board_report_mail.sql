-- The monthly board report mail (issue 19): one row per reported month. Inserting the row claims the month, so on
-- a cluster only one node sends it; sent_at and recipients record that the mail went out.
CREATE TABLE board_report_mail (
    report_month VARCHAR(7)   PRIMARY KEY,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    recipients   INTEGER,
    outcome      VARCHAR(500)
);
