package io.aimsgate.raci;

import static io.aimsgate.raci.MailTestSupport.notificationTable;
import static io.aimsgate.raci.MailTestSupport.notifierContext;
import static io.aimsgate.raci.MailTestSupport.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** The embedded default: no {@code spring.mail.host}, so no mail sender, and each mail is logged instead. */
class GroupNotifierWithoutSmtpTest {

    NotificationRepository notifications = notificationTable();
    GroupMembers members = mock(GroupMembers.class);

    Logger log = (Logger) LoggerFactory.getLogger(GroupNotifier.class);
    Level levelBefore;
    ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        levelBefore = log.getLevel();
        log.setLevel(Level.INFO);
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        log.detachAppender(logged);
        log.setLevel(levelBefore);
    }

    @Test
    void withoutAnSmtpHostTheMailIsLoggedWithRecipientsAndSubject() {
        when(members.emailAddresses(RaciGroups.BUSINESS_STAKEHOLDERS))
                .thenReturn(List.of("ben@aimsgate.example", "bea@aimsgate.example"));

        notifierContext(notifications, members).run(context -> {
            assertThat(context).doesNotHaveBean(JavaMailSender.class);

            transactions().executeWithoutResult(decision -> {
                context.getBean(GroupNotifier.class).notifyGroup(RaciGroups.BUSINESS_STAKEHOLDERS,
                        "Inception of Fraud Detector approved", "Approved by oscar.");
                assertThat(messages()).as("not before the commit").noneMatch(m -> m.contains("not sent"));
            });
        });

        assertThat(messages()).anySatisfy(message -> assertThat(message)
                .contains("No SMTP host configured")
                .contains("ben@aimsgate.example, bea@aimsgate.example")
                .contains("Inception of Fraud Detector approved"));
    }

    @Test
    void aRolledBackDecisionLogsNoMail() {
        when(members.emailAddresses(RaciGroups.BUSINESS_STAKEHOLDERS)).thenReturn(List.of("ben@aimsgate.example"));

        notifierContext(notifications, members).run(context -> transactions().executeWithoutResult(decision -> {
            context.getBean(GroupNotifier.class).notifyGroup(RaciGroups.BUSINESS_STAKEHOLDERS, "Approved", "Body");
            decision.setRollbackOnly();
        }));

        assertThat(messages()).noneMatch(m -> m.contains("No SMTP host configured"));
    }

    @Test
    void theDefaultSenderAddressIsLocalAndAMalformedOneStopsStartUp() {
        notifierContext(notifications, members).run(context -> assertThat(context).hasNotFailed());
        notifierContext(notifications, members).withPropertyValues("aims.notifications.from=not an address")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("aims.notifications.from is not a valid e-mail address"));
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
