package io.aimsgate.raci;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Who is acting on a gate's user task, and whether they may: the checks every gate's task listener shares
 * (deployment approval and the life-cycle gates).
 */
public final class TaskActors {

    private TaskActors() {
    }

    public static Authentication currentAuthentication(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }

    /** The authenticated user completing the task; the assignee only where no one is authenticated (jobs, tests). */
    public static String actingUser(DelegateTask task) {
        Authentication authentication = currentAuthentication(task);
        String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
        if (actor == null) {
            throw new BadUserRequestException("'" + task.getName() + "' must be completed by an authenticated user");
        }
        return actor;
    }

    /** An authenticated user completing a gate task must belong to one of the task's candidate (RACI) groups. */
    public static void checkHoldsRole(DelegateTask task, String actor) {
        Authentication authentication = currentAuthentication(task);
        if (authentication == null) {
            return;
        }
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        Set<String> candidateGroups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (candidateGroups.isEmpty()) {
            // Every gate task gets candidate groups on creation; none left means another user (possibly on
            // another node) completed it a moment ago and its links are gone: a lost race, answered 409.
            throw new OptimisticLockingException("Task '" + task.getName() + "' was completed concurrently");
        }
        if (userGroups.stream().noneMatch(candidateGroups::contains)) {
            throw new AuthorizationException(actor + " holds none of the RACI roles " + candidateGroups
                    + " that decide '" + task.getName() + "'");
        }
    }

    /** Gate tasks are claimed by the person who works them: assigning to someone else bypasses the RACI role. */
    public static void checkSelfAssignment(DelegateTask task) {
        String assignee = task.getAssignee();
        Authentication authentication = currentAuthentication(task);
        if (assignee != null && authentication != null && !assignee.equals(authentication.getUserId())) {
            throw new AuthorizationException("Gate tasks are claimed by the person who works them; "
                    + authentication.getUserId() + " cannot assign '" + task.getName() + "' to " + assignee);
        }
    }
}
