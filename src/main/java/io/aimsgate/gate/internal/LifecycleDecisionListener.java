package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.ElementProperties;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.SegregationOfDutiesViolation;
import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.TaskActors;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Guards every user task of the life-cycle gates:
 * <ul>
 *   <li>assignment: tasks are claimed by the person who works them; nobody who started the gate or did its work
 *       may hold one of its decisions;</li>
 *   <li>complete: the completing user holds one of the task's RACI groups; a decision task needs one of its
 *       declared decisions and a rationale, and may not be decided by whoever started the gate or did its work
 *       (segregation of duties); the decision is recorded and {@code lastDecision} set for the gateways.</li>
 * </ul>
 * The engine's {@link io.aimsgate.raci.GovernedTaskGuard} runs before this listener on every governed task: it
 * checks the role the model declares (not the task's run-time candidate groups) and four eyes within the run
 * ({@link io.aimsgate.raci.FourEyes}, the one place that rule lives), and keeps the task from ending without a
 * decision.
 */
@Component("lifecycleDecisionListener")
public class LifecycleDecisionListener implements TaskListener {

    private final LifecycleGateService gates;

    public LifecycleDecisionListener(LifecycleGateService gates) {
        this.gates = gates;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> assign(task);
            case EVENTNAME_COMPLETE -> complete(task);
            default -> {
            }
        }
    }

    private void assign(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        TaskActors.checkSelfAssignment(task);
        if (isDecidedByOthers(task)) {
            checkNotExcluded(task, gates.requireOpen(task.getProcessInstanceId()), task.getAssignee());
        }
    }

    private void complete(DelegateTask task) {
        LifecycleGate gate = gates.requireOpen(task.getProcessInstanceId());
        String actor = TaskActors.actingUser(task);
        TaskActors.checkHoldsRole(task, actor);
        RaciDeclaration raci = RaciDeclaration.of(task);
        String decision;
        String rationale = text(task.getVariable(RATIONALE));
        if (isWorkTask(task)) {
            decision = SUBMIT;
        } else {
            if (isDecidedByOthers(task)) {
                checkNotExcluded(task, gate, actor);
            }
            decision = decisionOf(task);
            if (rationale.length() > MAX_RATIONALE) {
                throw new BadUserRequestException("'rationale' is longer than " + MAX_RATIONALE + " characters");
            }
            if (rationale.length() < MIN_RATIONALE) {
                throw new BadUserRequestException("'rationale': a rationale of at least " + MIN_RATIONALE
                        + " characters is required for every decision");
            }
        }
        // Consume the submitted fields so a later task never inherits (or pre-fills its form with) this decision or
        // rationale; gateways read lastDecision, and the decision table keeps the rationale.
        task.removeVariable(DECISION);
        task.removeVariable(RATIONALE);
        task.setVariable(LAST_DECISION, decision);
        // From the recorded decisions, never from submitted variables: a second reviewer cannot undo the first's REJECT.
        task.setVariable(REVIEW_REJECTED, REJECT.equals(decision) || gates.decisionsOf(gate.getId()).stream()
                .anyMatch(recorded -> REJECT.equals(recorded.getDecision())));
        gates.recordDecision(gate.getId(), task.getId(), task.getTaskDefinitionKey(), raci.activity(), raci.role(),
                decision, rationale.isEmpty() ? null : rationale, actor);
    }

    private void checkNotExcluded(DelegateTask task, LifecycleGate gate, String user) {
        Set<String> excluded = gates.excludedDeciders(gate.getId());
        if (excluded.contains(user)) {
            throw new SegregationOfDutiesViolation(user, task.getName());
        }
    }

    /**
     * Reviews and approvals (Consulted, Accountable) are decided by someone other than the starter and the authors
     * of the gate's work; the Responsible's own choices (re-check or withdraw an incomplete register) are not.
     */
    private static boolean isDecidedByOthers(DelegateTask task) {
        return !isWorkTask(task) && RaciDeclaration.of(task).role() != io.aimsgate.raci.RaciRole.RESPONSIBLE;
    }

    /** Work tasks (an impact assessment, a plan) declare decisions=SUBMIT: they deliver content, not a decision. */
    private static boolean isWorkTask(DelegateTask task) {
        return List.of(SUBMIT).equals(declaredDecisions(task));
    }

    static List<String> declaredDecisions(DelegateTask task) {
        String declared = ElementProperties.of(task.getBpmnModelElementInstance(), DECISIONS_PROPERTY)
                .orElse(APPROVE + "," + REJECT);
        return Arrays.stream(declared.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String decisionOf(DelegateTask task) {
        List<String> allowed = declaredDecisions(task);
        String value = String.valueOf(task.getVariable(DECISION));
        if (!allowed.contains(value)) {
            throw new BadUserRequestException("'decision' must be one of " + String.join(", ", allowed) + ", was "
                    + value);
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
