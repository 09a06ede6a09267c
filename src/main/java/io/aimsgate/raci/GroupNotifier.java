package io.aimsgate.raci;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifies a RACI group: records the notification (the evidence that the board or the Informed parties
 * were told, in the same transaction as the decision), logs it, and e-mails the group's members once that
 * transaction has committed.
 * <p>
 * Without an SMTP host ({@code spring.mail.host} unset, the embedded default) there is no {@link JavaMailSender}
 * and the mail is logged instead of sent. A mail that cannot be sent is logged; it never fails the decision.
 */
@Service
@Transactional
public class GroupNotifier {

    private static final Logger log = LoggerFactory.getLogger(GroupNotifier.class);

    private final NotificationRepository notifications;
    private final Clock clock;
    private final GroupMembers members;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    GroupNotifier(NotificationRepository notifications, Clock clock, GroupMembers members,
            ObjectProvider<JavaMailSender> mailSender,
            @Value("${aims.notifications.from:aims-gate@localhost}") String from) {
        this.notifications = notifications;
        this.clock = clock;
        this.members = members;
        this.mailSender = mailSender;
        this.from = checkedAddress(from);
    }

    public Notification notifyGroup(String group, String subject, String body) {
        Notification notification = notifications.save(new Notification(group, truncate(subject, 300),
                truncate(body, 4000), clock.instant()));
        log.info("Notified {}: {}", group, subject.replaceAll("[\\r\\n]+", " "));
        afterCommit(() -> mailMembers(group, subject, body));
        return notification;
    }

    /**
     * Notifies one user (e.g. a risk's owner): recorded like a group's notification, with the user's id as the
     * recipient, and e-mailed to the user's address once the transaction has committed.
     */
    public Notification notifyUser(String userId, String subject, String body) {
        Notification notification = notifications.save(new Notification(userId, truncate(subject, 300),
                truncate(body, 4000), clock.instant()));
        log.info("Notified user {}: {}", userId, subject.replaceAll("[\\r\\n]+", " "));
        afterCommit(() -> mailUser(userId, subject, body));
        return notification;
    }

    /** Never throws, like {@link #mailMembers}. */
    private void mailUser(String userId, String subject, String body) {
        String oneLineSubject = subject.replaceAll("[\\r\\n]+", " ").strip();
        try {
            List<String> recipients = members.emailAddressOf(userId);
            JavaMailSender sender = mailSender.getIfAvailable();
            if (recipients.isEmpty() || sender == null) {
                log.info("No e-mail to user {} (no address or no SMTP host): {}", userId, oneLineSubject);
                return;
            }
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(recipients.get(0));
            mail.setSubject(oneLineSubject);
            mail.setText(body + "\n\n--\nAIMS Gate\n");
            sender.send(mail);
        } catch (RuntimeException e) {
            log.warn("E-mail to user {} not sent (the notification is recorded): {}", userId, oneLineSubject, e);
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> sentTo(String group) {
        return notifications.findByRecipientOrderBySentAtDesc(group);
    }

    /** A rolled-back decision must tell nobody, so mail waits for the commit (or goes at once outside a transaction). */
    private static void afterCommit(Runnable mail) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mail.run();
                }
            });
        } else {
            mail.run();
        }
    }

    /** Never throws: after the commit an exception would reach the caller of a decision that did happen. */
    private void mailMembers(String group, String subject, String body) {
        String oneLineSubject = subject.replaceAll("[\\r\\n]+", " ").strip();
        try {
            List<String> recipients = members.emailAddresses(group);
            if (recipients.isEmpty()) {
                log.info("No e-mail to {}: no member has an e-mail address", group);
                return;
            }
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                log.info("No SMTP host configured (spring.mail.host): e-mail to {} ({}) not sent: {}", group,
                        String.join(", ", recipients), oneLineSubject);
                return;
            }
            // One message per member rather than one with every member in Bcc: each member finds their own address
            // in To, no member sees the others' addresses, and one rejected address does not stop the mail to the
            // rest. JavaMailSender sends the array over a single SMTP connection, so the cost stays one connection.
            SimpleMailMessage[] mails = recipients.stream()
                    .map(recipient -> mail(recipient, group, oneLineSubject, body))
                    .toArray(SimpleMailMessage[]::new);
            sender.send(mails);
            log.info("E-mailed {} member(s) of {}: {}", mails.length, group, oneLineSubject);
        } catch (RuntimeException e) {
            log.warn("E-mail to the members of {} not sent (the notification is recorded): {}", group, oneLineSubject,
                    e);
        }
    }

    private SimpleMailMessage mail(String recipient, String group, String subject, String body) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(recipient);
        mail.setSubject(subject);
        mail.setText(body + "\n\n--\nAIMS Gate: you receive this as a member of the group " + group + ".\n");
        return mail;
    }

    private static String checkedAddress(String address) {
        try {
            new InternetAddress(address, true);
            return address;
        } catch (AddressException e) {
            throw new IllegalStateException("aims.notifications.from is not a valid e-mail address: " + address, e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientOrderBySentAtDesc(String recipient);
}
