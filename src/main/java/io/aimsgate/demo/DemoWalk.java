package io.aimsgate.demo;

import io.aimsgate.raci.RaciGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Walks demo systems through the real gates, each step as a demo user of the right RACI group (authenticated
 * in the engine, so every listener, segregation-of-duties rule and delegate runs as it does for people).
 */
@Component
class DemoWalk {

    static final String RATIONALE = "Demo: evidence checked against the gate's criteria.";
    /** The demo users' groups, so a step runs with the rights of the person doing it. */
    private static final Map<String, String> GROUP_OF = Map.of("olivia", RaciGroups.AI_PRODUCT_OWNERS,
            "oscar", RaciGroups.AI_PRODUCT_OWNERS, "mia", RaciGroups.ML_ENGINEERS, "sam", RaciGroups.SECURITY,
            "lena", RaciGroups.LEGAL, "priya", RaciGroups.PRIVACY, "ethan", RaciGroups.ETHICS,
            "grace", RaciGroups.GOVERNANCE_BOARD);

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    DemoWalk(IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    String start(String user, String processKey, Map<String, Object> variables) {
        return as(user, () -> runtimeService.startProcessInstanceByKey(processKey, variables).getId());
    }

    void complete(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
        as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException("Demo walk: no open " + taskKey + " in " + processInstanceId);
            }
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    /** Completes the task the model assigned to the user (e.g. an acknowledgement), as that user. */
    void completeAssigned(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
        as(user, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                    .taskAssignee(user).singleResult();
            if (task == null) {
                throw new IllegalStateException("Demo walk: no " + taskKey + " of " + user + " in " + processInstanceId);
            }
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    void approve(String user, String processInstanceId, String taskKey) {
        complete(user, processInstanceId, taskKey, decision("APPROVE"));
    }

    <T> T as(String user, java.util.function.Supplier<T> step) {
        identityService.setAuthentication(user, List.of(GROUP_OF.get(user)));
        try {
            return step.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    static Map<String, Object> decision(String decision) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", decision);
        variables.put("rationale", RATIONALE);
        return variables;
    }
}
