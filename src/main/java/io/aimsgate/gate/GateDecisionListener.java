package io.aimsgate.gate;

import static io.aimsgate.gate.GateDecisions.*;

import io.aimsgate.raci.GovernedTasks;
import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.TaskActors;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The one decision listener of every gate's user tasks (deployment approval and the life-cycle gates), declared in
 * each BPMN on {@code assignment} and {@code complete}. What a task decides comes from its model: its RACI activity and
 * role ({@code raciActivity}, {@code raciRole}) and the decisions it offers ({@code decisions}, default
 * APPROVE,REJECT; {@code SUBMIT} alone marks work that delivers content).
 * <ul>
 *   <li>assignment: tasks are claimed by the person who works them; nobody who started (submitted) the run or did its
 *       work may hold one of its deciding tasks (segregation of duties);</li>
 *   <li>complete: the completing user holds one of the task's RACI groups; a deciding task may not be decided by
 *       whoever started the run or did its work; a decision is one the task declares, given with a rationale of
 *       {@link GateDecisions#MIN_RATIONALE} to {@link GateDecisions#MAX_RATIONALE} characters; the submitted fields
 *       are consumed, {@code lastDecision} and {@code reviewRejected} (from the recorded decisions) set for the
 *       gateways, and the decision recorded through {@link GateDecisions#record}.</li>
 * </ul>
 * The engine's {@link io.aimsgate.raci.GovernedTaskGuard} runs before this listener on every governed task: it checks
 * the role the model declares (not the task's run-time candidate groups) and four eyes within the run
 * ({@link io.aimsgate.raci.FourEyes}), and keeps the task from ending without a decision.
 */
@Component("gateDecisionListener")
public class GateDecisionListener implements TaskListener {

    private final GateDecisions decisions;

    public GateDecisionListener(GateDecisions decisions) {
        this.decisions = decisions;
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
        if (isDeciding(task)) {
            checkNotExcluded(task, decisions.requireOpen(task.getProcessInstanceId()), task.getAssignee());
        }
    }

    private void complete(DelegateTask task) {
        GateRun run = decisions.requireOpen(task.getProcessInstanceId());
        String actor = TaskActors.actingUser(task);
        TaskActors.checkHoldsRole(task, actor);
        RaciDeclaration raci = RaciDeclaration.of(task);
        String rationale = text(task.getVariable(RATIONALE));
        String decision;
        // The run's decisions, read once for both checks below: nothing records a decision in between.
        List<GateDecision> recorded = null;
        if (isWorkTask(task)) {
            decision = SUBMIT;
        } else {
            if (isDeciding(task)) {
                recorded = decisions.decisionsOf(run.getId());
                if (GateDecisions.excludedDeciders(run, recorded).contains(actor)) {
                    throw new SegregationOfDutiesViolation(actor, task.getName());
                }
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
        // Written only when the value the gateways read changes (ControlVariables.setIfChanged): the same decision as
        // the last one, or still no rejection, costs no variable update and no history row.
        ControlVariables.setIfChanged(task, LAST_DECISION, decision);
        // From the recorded decisions, never from submitted variables: a second reviewer cannot undo the first's REJECT.
        ControlVariables.setIfChanged(task, REVIEW_REJECTED, REJECT.equals(decision)
                || (recorded != null ? GateDecisions.hasRejection(recorded) : decisions.hasRejection(run.getId())));
        decisions.record(run, task.getId(), task.getTaskDefinitionKey(), raci.activity(), raci.role(), decision,
                rationale.isEmpty() ? null : rationale, actor);
    }

    private void checkNotExcluded(DelegateTask task, GateRun run, String user) {
        if (decisions.excludedDeciders(run.getId()).contains(user)) {
            throw new SegregationOfDutiesViolation(user, task.getName());
        }
    }

    /** A deciding task approves or rejects on behalf of a role ({@link GovernedTasks#isDeciding}). */
    private static boolean isDeciding(DelegateTask task) {
        return GovernedTasks.isDeciding(RaciDeclaration.of(task).role(),
                GovernedTasks.declaredDecisions(task.getBpmnModelElementInstance()));
    }

    /** Work tasks (an impact assessment, a plan) declare decisions=SUBMIT: they deliver content, not a decision. */
    private static boolean isWorkTask(DelegateTask task) {
        return List.of(SUBMIT).equals(declaredDecisions(task));
    }

    /** The decisions the task offers; APPROVE,REJECT where the model declares none. */
    public static List<String> declaredDecisions(DelegateTask task) {
        List<String> declared = GovernedTasks.declaredDecisions(task.getBpmnModelElementInstance());
        return declared.isEmpty() ? List.of(APPROVE, REJECT) : declared;
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
