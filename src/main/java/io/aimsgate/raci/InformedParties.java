package io.aimsgate.raci;

import org.springframework.stereotype.Service;

/** Tells the Informed groups of a RACI activity about a gate decision. */
@Service
public class InformedParties {

    private final RaciMatrix matrix;
    private final GroupNotifier notifier;

    InformedParties(RaciMatrix matrix, GroupNotifier notifier) {
        this.matrix = matrix;
        this.notifier = notifier;
    }

    public void tell(String activity, String subject, String body) {
        RaciProperties.Activity entry = matrix.activities().get(activity);
        if (entry == null) {
            throw new IllegalStateException("RACI activity '" + activity + "' is not in the matrix");
        }
        entry.informed().forEach(group -> notifier.notifyGroup(group, subject, body));
    }
}
