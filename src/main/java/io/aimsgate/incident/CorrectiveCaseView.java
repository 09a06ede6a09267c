package io.aimsgate.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A corrective-action case with its actions, as the API shows it. */
record CorrectiveCaseView(Long id, String correction, String rootCauseMethod, String rootCauses,
        String contributingFactors, Boolean effective, String closedBy, Instant closedAt, List<ActionView> actions) {

    static CorrectiveCaseView of(CorrectiveCase c, List<CorrectiveAction> actions) {
        return new CorrectiveCaseView(c.getId(), c.getCorrection(), c.getRootCauseMethod(), c.getRootCauses(),
                c.getContributingFactors(), c.getEffective(), c.getClosedBy(), c.getClosedAt(),
                actions.stream().map(ActionView::of).toList());
    }

    record ActionView(Long id, String description, String owner, LocalDate dueDate, CorrectiveActionStatus status,
            Instant completedAt) {

        static ActionView of(CorrectiveAction a) {
            return new ActionView(a.getId(), a.getDescription(), a.getOwner(), a.getDueDate(), a.getStatus(),
                    a.getCompletedAt());
        }
    }
}
