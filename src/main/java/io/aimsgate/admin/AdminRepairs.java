package io.aimsgate.admin;

import io.aimsgate.raci.FourEyes;
import io.aimsgate.raci.GateRuns;
import io.aimsgate.raci.GovernedTasks;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.PlatformEngineAccess;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelInstance;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's repairs of governed processes. Administration repairs the system and never decides in it:
 * every repair keeps every gate rule (the engine's guard and the gate's own listener check them again when the
 * repair runs), and is recorded with its reason in {@code admin_repair}.
 */
@Service
@Transactional
public class AdminRepairs {

    static final int MIN_REASON = 10;

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final GovernedTasks governedTasks;
    private final List<GateRuns> gateRuns;
    private final PlatformEngineAccess engine;
    private final AdminRepairRepository repairs;
    private final Clock clock;

    AdminRepairs(TaskService taskService, RepositoryService repositoryService, GovernedTasks governedTasks,
            List<GateRuns> gateRuns, PlatformEngineAccess engine, AdminRepairRepository repairs, Clock clock) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.governedTasks = governedTasks;
        this.gateRuns = List.copyOf(gateRuns);
        this.engine = engine;
        this.repairs = repairs;
        this.clock = clock;
    }

    /**
     * Reassigns an open governed task to another eligible user: a member of a group the model declares for the task,
     * not the submitter or starter of the run nor the author of its work, and not someone who already decided in the
     * run under another role. Refusals: 400 (reason, unknown user), 404 (task), 409 (with every reason).
     */
    public AdminRepair reassignTask(String taskId, String assignee, String reason, String administrator) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) {
            throw new InvalidInputException("reason", "A repair needs a reason of at least " + MIN_REASON
                    + " characters.");
        }
        Task task = engine.withoutUserAuthorization(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            throw new NotFoundException("taskId", "No open task " + taskId + ".");
        }
        ModelInstance model = engine.withoutUserAuthorization(() ->
                repositoryService.getBpmnModelInstance(task.getProcessDefinitionId()));
        GovernedTasks.Role role = model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element
                ? governedTasks.roleOf(element).orElse(null) : null;
        if (role == null) {
            throw new ConflictException("taskId", "Task " + taskId + " is not a governed task; nothing to repair here.");
        }
        if (!governedTasks.userExists(assignee)) {
            throw new InvalidInputException("assignee", "No user '" + assignee + "' is known.");
        }
        List<String> reasons = new ArrayList<>();
        if (assignee.equals(task.getAssignee())) {
            reasons.add(assignee + " already holds this task.");
        }
        if (assignedByModel(task, model)) {
            reasons.add("The process model assigns '" + task.getName() + "' itself; it is not reassigned.");
        }
        Set<String> groups = governedTasks.groupsOf(assignee);
        if (groups.stream().noneMatch(role.groups()::contains)) {
            reasons.add(assignee + " holds none of the RACI roles " + role.groups() + " declared for '"
                    + task.getName() + "'.");
        }
        if (role.deciding()) {
            gateRuns.stream().filter(runs -> runs.runs(processKey(task)))
                    .flatMap(runs -> runs.excludedDeciders(task.getProcessInstanceId()).stream())
                    .filter(assignee::equals).findFirst()
                    .ifPresent(excluded -> reasons.add("Segregation of duties: " + assignee + " submitted, started or "
                            + "did the work of this run and may not decide in it."));
            FourEyes.conflict(assignee, role.groups(), governedTasks.decidedInRun(task.getProcessInstanceId(), model))
                    .ifPresent(earlier -> reasons.add("Four eyes: " + assignee + " already decided '"
                            + earlier.taskName() + "' in this run under another role."));
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("assignee", "Task " + taskId + " cannot be reassigned to " + assignee + ".",
                    reasons);
        }
        String previous = task.getAssignee();
        // As the platform: the engine's guard then checks the assignee's declared role and four eyes once more, and
        // the gate's listener its segregation of duties; any refusal rolls the repair back.
        engine.withoutUserAuthorization(() -> {
            taskService.setAssignee(taskId, assignee);
            return null;
        });
        return repairs.save(new AdminRepair(AdminRepair.Operation.REASSIGN_TASK, taskId, task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), previous, assignee, why, administrator, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<AdminRepair> recent(int limit) {
        return repairs.findAllByOrderByIdDesc(Pageable.ofSize(limit));
    }

    private static boolean assignedByModel(Task task, ModelInstance model) {
        return model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element
                && element.getCamundaAssignee() != null;
    }

    private static String processKey(Task task) {
        return task.getProcessDefinitionId().split(":")[0];
    }
}
