package io.aimsgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.aimsgate.raci.GroupMembers;
import io.aimsgate.raci.RaciGroups;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The monthly board mail through a real (in-process) SMTP server, GreenMail, with the month ledger on an in-memory
 * H2 database built from the migration: the report of the month before goes to every board member once, as a PDF.
 */
class MonthlyBoardReportMailTest {

    static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    KpiQueries kpis = mock(KpiQueries.class);
    GroupMembers members = mock(GroupMembers.class);
    JdbcTemplate jdbc;
    BoardMailLedger ledger;

    @BeforeEach
    void ledger() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:board-mail-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V6_6__board_report_mail.sql")));
        ledger = new BoardMailLedger(jdbc);
        when(kpis.kpis(any())).thenAnswer(call -> kpisFor(call.getArgument(0)));
    }

    MonthlyBoardReportMail mailer(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                sender == null ? Map.of() : Map.of("mailSender", sender));
        ObjectProvider<JavaMailSender> provider = beans.getBeanProvider(JavaMailSender.class);
        return new MonthlyBoardReportMail(kpis, new BoardReport(), members, provider, ledger,
                Clock.fixed(NOW, ZoneOffset.UTC), "aims-gate@aimsgate.example");
    }

    JavaMailSender smtpSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    @Test
    void everyBoardMemberGetsLastMonthsReportOnceWithThePdfAttached() throws Exception {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD))
                .thenReturn(List.of("grace@aimsgate.example", "gina@aimsgate.example"));
        MonthlyBoardReportMail mailer = mailer(smtpSender());

        mailer.monthly();

        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("grace@aimsgate.example");
        assertThat(received[1].getAllRecipients()[0].toString()).isEqualTo("gina@aimsgate.example");
        assertThat(received[0].getSubject()).isEqualTo("AI governance board report 2026-11");
        Part attachment = ((Multipart) received[0].getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("board-report-2026-11.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Period: 2026-11-01 to 2026-11-30",
                    "Systems in the portfolio: 7");
        }
        assertThat(jdbc.queryForMap("SELECT recipients, outcome FROM board_report_mail WHERE report_month = '2026-11'"))
                .containsEntry("RECIPIENTS", 2).containsEntry("OUTCOME", "mailed");

        assertThat(mailer.send(YearMonth.of(2026, 11))).as("a month is mailed once, also by another node").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void withoutAnSmtpHostTheMonthIsRecordedAsNotMailed() {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD)).thenReturn(List.of("grace@aimsgate.example"));

        assertThat(mailer(null).send(YearMonth.of(2026, 10))).isZero();

        assertThat(jdbc.queryForObject("SELECT outcome FROM board_report_mail WHERE report_month = '2026-10'",
                String.class)).isEqualTo("not mailed: no SMTP host configured (spring.mail.host)");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableSmtpServerIsLoggedAndRecordedNotThrown() {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD)).thenReturn(List.of("grace@aimsgate.example"));
        JavaMailSenderImpl nowhere = new JavaMailSenderImpl();
        nowhere.setHost("127.0.0.1");
        nowhere.setPort(1);

        assertThat(mailer(nowhere).send(YearMonth.of(2026, 9))).isZero();

        assertThat(jdbc.queryForObject("SELECT outcome FROM board_report_mail WHERE report_month = '2026-09'",
                String.class)).startsWith("failed: ");
    }

    private static GovernanceKpis kpisFor(ReportPeriod period) {
        return new GovernanceKpis(period.from(), period.to(), NOW,
                new GovernanceKpis.Portfolio(7, Map.of("HIGH", 3L, "MINIMAL", 4L), Map.of("DEPLOYMENT", 7L),
                        List.of(new GovernanceKpis.TierStageCount("HIGH", "DEPLOYMENT", 3),
                                new GovernanceKpis.TierStageCount("MINIMAL", "DEPLOYMENT", 4))),
                new GovernanceKpis.Risks(0, Map.of(), Map.of(), new long[5][5], new long[5][5], 0),
                new GovernanceKpis.Deployments(0, 0, 0, 0),
                new GovernanceKpis.Incidents(0, Map.of(), null, 0, 0, 0), 0,
                new GovernanceKpis.GovernanceFlow(List.of(), List.of(), 0,
                        List.of(new GovernanceKpis.MonthCount(period.from().toString().substring(0, 7), 2, 1, 0))),
                List.of(new GovernanceKpis.AttentionItem("BOARD_TASK", "Accept residual risk", 1L,
                        LocalDate.parse("2026-12-05"), "task-1")));
    }
}
