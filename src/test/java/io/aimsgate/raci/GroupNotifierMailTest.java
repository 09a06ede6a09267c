package io.aimsgate.raci;

import static io.aimsgate.raci.MailTestSupport.notificationTable;
import static io.aimsgate.raci.MailTestSupport.notifierContext;
import static io.aimsgate.raci.MailTestSupport.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail to a group's members through a real (in-process) SMTP server: GreenMail on a free port. */
class GroupNotifierMailTest {

    static final String SUBJECT = "Deployment of Credit Scoring Model 2.1.0 approved";
    static final String BODY = "Approved by oscar: residual risks within appetite.";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    NotificationRepository notifications = notificationTable();
    GroupMembers members = mock(GroupMembers.class);

    ApplicationContextRunner context() {
        return notifierContext(notifications, members)
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                        "aims.notifications.from=aims-gate@aimsgate.example");
    }

    @Test
    void theMembersGetTheMailOnceTheDecisionCommits() {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD))
                .thenReturn(List.of("grace@aimsgate.example", "gina@aimsgate.example"));

        context().run(context -> {
            assertThat(context).hasSingleBean(JavaMailSender.class);
            GroupNotifier notifier = context.getBean(GroupNotifier.class);

            transactions().executeWithoutResult(decision -> {
                notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, SUBJECT, BODY);
                assertThat(smtp.getReceivedMessages()).as("nothing is sent before the commit").isEmpty();
            });

            assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(Arrays.stream(received).map(GroupNotifierMailTest::to))
                    .containsExactlyInAnyOrder("grace@aimsgate.example", "gina@aimsgate.example");
            for (MimeMessage mail : received) {
                assertThat(mail.getSubject()).isEqualTo(SUBJECT);
                assertThat(mail.getFrom()).extracting(Address::toString).containsExactly("aims-gate@aimsgate.example");
                assertThat(mail.getRecipients(Message.RecipientType.TO)).as("one member per mail").hasSize(1);
                assertThat(mail.getContentType()).startsWith("text/plain");
                assertThat(GreenMailUtil.getBody(mail)).contains(BODY).contains(RaciGroups.GOVERNANCE_BOARD);
            }
        });
        verify(notifications).save(any(Notification.class));
    }

    @Test
    void aRolledBackDecisionSendsNothing() {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD)).thenReturn(List.of("grace@aimsgate.example"));

        context().run(context -> {
            GroupNotifier notifier = context.getBean(GroupNotifier.class);

            transactions().executeWithoutResult(decision -> {
                notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, SUBJECT, BODY);
                decision.setRollbackOnly();
            });

            assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
    }

    @Test
    void outsideATransactionTheMailGoesAtOnce() {
        when(members.emailAddresses(RaciGroups.BUSINESS_STAKEHOLDERS)).thenReturn(List.of("ben@aimsgate.example"));

        context().run(context -> {
            context.getBean(GroupNotifier.class).notifyGroup(RaciGroups.BUSINESS_STAKEHOLDERS,
                    "Line one\r\nline two", BODY);

            assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(to(mail)).isEqualTo("ben@aimsgate.example");
            assertThat(mail.getSubject()).as("one header line").isEqualTo("Line one line two");
        });
    }

    @Test
    void aGroupWithoutAddressesGetsNoMail() {
        when(members.emailAddresses(RaciGroups.AUDITORS)).thenReturn(List.of());

        context().run(context -> {
            transactions().executeWithoutResult(decision ->
                    context.getBean(GroupNotifier.class).notifyGroup(RaciGroups.AUDITORS, SUBJECT, BODY));

            assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
        });
        verify(notifications).save(any(Notification.class));
    }

    @Test
    void anUnreachableMailServerNeverFailsTheDecision() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD)).thenReturn(List.of("grace@aimsgate.example"));

        notifierContext(notifications, members)
                .withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + closedPort)
                .run(context -> {
                    GroupNotifier notifier = context.getBean(GroupNotifier.class);

                    // after the commit (an exception there would reach the caller) and without a transaction
                    transactions().executeWithoutResult(decision ->
                            notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, SUBJECT, BODY));
                    notifier.notifyGroup(RaciGroups.GOVERNANCE_BOARD, SUBJECT, BODY);
                });
        verify(notifications, org.mockito.Mockito.times(2)).save(any(Notification.class));
    }

    @Test
    void aFailingMemberLookupNeverFailsTheDecision() {
        when(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD))
                .thenThrow(new IllegalStateException("identity provider unreachable"));

        context().run(context -> {
            transactions().executeWithoutResult(decision ->
                    context.getBean(GroupNotifier.class).notifyGroup(RaciGroups.GOVERNANCE_BOARD, SUBJECT, BODY));

            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
        verify(notifications).save(any(Notification.class));
    }

    private static String to(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
