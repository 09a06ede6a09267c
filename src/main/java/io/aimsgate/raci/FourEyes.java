package io.aimsgate.raci;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Four eyes within one gate run: one person never records deciding approvals under two roles of the same run (e.g.
 * the Accountable approval and the governance board's sign-off, or two different reviews). A role is the set of
 * groups the BPMN model and the RACI matrix declare for a task, never the candidate groups a task has at run time
 * (an administrator can add those). Deciding twice in the same role (a review repeated after remediation) is fine.
 * <p>
 * The one rule every gate shares: the engine's guard on governed tasks and the administrator's repair call it.
 */
public final class FourEyes {

    /** A deciding task of the run that someone has completed, with the groups its model declares. */
    public record Decided(String taskKey, String taskName, String decidedBy, Set<String> declaredGroups) {
    }

    private FourEyes() {
    }

    /** The earlier decision of {@code user} in another role of the run, if any: then the user may not decide here. */
    public static Optional<Decided> conflict(String user, Set<String> declaredGroups, Collection<Decided> decidedInRun) {
        return decidedInRun.stream()
                .filter(decided -> decided.decidedBy() != null && decided.decidedBy().equals(user))
                .filter(decided -> !decided.declaredGroups().equals(declaredGroups))
                .findFirst();
    }

    /** Refuses (403) a user who already decided in another role of this run. */
    public static void check(String user, String taskName, Set<String> declaredGroups,
            Collection<Decided> decidedInRun) {
        conflict(user, declaredGroups, decidedInRun).ifPresent(earlier -> {
            throw new GovernanceRuleViolation("Four eyes: " + user + " already decided '" + earlier.taskName()
                    + "' in this run (as " + String.join(", ", earlier.declaredGroups()) + ") and cannot also decide '"
                    + taskName + "' (" + String.join(", ", declaredGroups) + "). Another member of the group must "
                    + "take this task.");
        });
    }
}
