package io.aimsgate.report;

import io.aimsgate.raci.GroupMembers;
import io.aimsgate.raci.RaciGroups;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the first day of each month, e-mails the board report of the month before to every member of the governance
 * board with an e-mail address, the PDF attached. The month is claimed in {@link BoardMailLedger} first, so on a
 * cluster one node sends it. Without an SMTP host the report is not mailed and the log says so.
 */
@Component
class MonthlyBoardReportMail {

    private static final Logger log = LoggerFactory.getLogger(MonthlyBoardReportMail.class);

    private final KpiQueries kpis;
    private final BoardReport report;
    private final GroupMembers members;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final BoardMailLedger ledger;
    private final Clock clock;
    private final String from;

    MonthlyBoardReportMail(KpiQueries kpis, BoardReport report, GroupMembers members,
            ObjectProvider<JavaMailSender> mailSender, BoardMailLedger ledger, Clock clock,
            @Value("${aims.notifications.from:aims-gate@localhost}") String from) {
        this.kpis = kpis;
        this.report = report;
        this.members = members;
        this.mailSender = mailSender;
        this.ledger = ledger;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(cron = "${aims.reports.board-mail.cron:0 0 6 1 * *}", zone = "UTC")
    void monthly() {
        send(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
    }

    /** Mails the report of the month unless it was claimed before; returns the number of members mailed. */
    int send(YearMonth month) {
        if (!ledger.claim(month, clock.instant())) {
            log.info("Board report for {} already claimed: not mailed again", month);
            return 0;
        }
        try {
            List<String> recipients = members.emailAddresses(RaciGroups.GOVERNANCE_BOARD);
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null || recipients.isEmpty()) {
                String why = sender == null ? "no SMTP host configured (spring.mail.host)"
                        : "no member of " + RaciGroups.GOVERNANCE_BOARD + " has an e-mail address";
                log.info("Board report for {} not mailed: {}", month, why);
                ledger.record(month, null, 0, "not mailed: " + why);
                return 0;
            }
            ReportPeriod period = new ReportPeriod(month.atDay(1), month.atEndOfMonth());
            byte[] pdf = report.render(kpis.kpis(period));
            MimeMessage[] mails = new MimeMessage[recipients.size()];
            for (int i = 0; i < mails.length; i++) {
                mails[i] = mail(sender, recipients.get(i), month, pdf);
            }
            sender.send(mails);
            ledger.record(month, clock.instant(), mails.length, "mailed");
            log.info("Board report for {} mailed to {} member(s) of {}", month, mails.length,
                    RaciGroups.GOVERNANCE_BOARD);
            return mails.length;
        } catch (MessagingException | RuntimeException e) {
            log.warn("Board report for {} not mailed", month, e);
            ledger.record(month, null, 0, "failed: " + e.getClass().getSimpleName());
            return 0;
        }
    }

    private MimeMessage mail(JavaMailSender sender, String recipient, YearMonth month, byte[] pdf)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(recipient);
        helper.setSubject("AI governance board report " + month);
        helper.setText("The AI governance board report for " + month + " is attached: portfolio, risks, deployments, "
                + "time to decision, incidents, and the items that need the board.\n\n--\nAIMS Gate: you receive this "
                + "as a member of the group " + RaciGroups.GOVERNANCE_BOARD + ".\n");
        helper.addAttachment("board-report-" + month + ".pdf", new ByteArrayResource(pdf), "application/pdf");
        return message;
    }
}
