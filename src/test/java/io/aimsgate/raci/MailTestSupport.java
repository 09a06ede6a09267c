package io.aimsgate.raci;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A context of just {@link GroupNotifier} and Spring Boot's mail auto-configuration (so {@code spring.mail.host}
 * decides whether a mail sender exists, as in the application), with a mocked notification table and member lookup.
 */
final class MailTestSupport {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private MailTestSupport() {
    }

    static NotificationRepository notificationTable() {
        NotificationRepository notifications = mock(NotificationRepository.class);
        when(notifications.save(any(Notification.class))).thenAnswer(call -> call.getArgument(0));
        return notifications;
    }

    static ApplicationContextRunner notifierContext(NotificationRepository notifications, GroupMembers members) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withBean(NotificationRepository.class, () -> notifications)
                .withBean(GroupMembers.class, () -> members)
                .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
                .withBean(GroupNotifier.class);
    }

    /** Real transaction synchronisation (commit and rollback callbacks) without a database. */
    static TransactionTemplate transactions() {
        return new TransactionTemplate(new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
            }
        });
    }
}
