package io.aimsgate.raci;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the Informed groups of a life-cycle activity (the matrix's Informed cells) about a decision: each gets a
 * {@link GroupNotifier} notification, recorded with the decision and e-mailed to its members after the commit.
 */
@Service
public class InformedParties {

    private final RaciMatrix matrix;
    private final GroupNotifier notifier;

    public InformedParties(RaciMatrix matrix, GroupNotifier notifier) {
        this.matrix = matrix;
        this.notifier = notifier;
    }

    /**
     * Notifies every Informed group of {@code activity}; an activity without an Informed group has nobody to tell,
     * so nothing happens. An activity that is not in the matrix is a programming error, as for task creation.
     */
    @Transactional
    public void tell(String activity, String subject, String body) {
        RaciProperties.Activity entry = matrix.activities().get(activity);
        if (entry == null) {
            throw new IllegalStateException("RACI activity '" + activity
                    + "' is not in the matrix (aims.raci.activities)");
        }
        for (String group : entry.informed()) {
            notifier.notifyGroup(group, subject, body);
        }
    }
}
