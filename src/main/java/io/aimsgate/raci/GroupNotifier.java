package io.aimsgate.raci;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies a RACI group: records the notification (the evidence that the board or the Informed parties
 * were told, in the same transaction as the decision) and logs it.
 */
@Service
@Transactional
public class GroupNotifier {

    private static final Logger log = LoggerFactory.getLogger(GroupNotifier.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    GroupNotifier(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public Notification notifyGroup(String group, String subject, String body) {
        Notification notification = notifications.save(new Notification(group, truncate(subject, 300),
                truncate(body, 4000), clock.instant()));
        log.info("Notified {}: {}", group, subject);
        return notification;
    }

    @Transactional(readOnly = true)
    public List<Notification> sentTo(String group) {
        return notifications.findByRecipientOrderBySentAtDesc(group);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRecipientOrderBySentAtDesc(String recipient);
}
