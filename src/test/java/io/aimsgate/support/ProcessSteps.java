package io.aimsgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** Task, job and history helpers shared by the incident process tests. */
public final class ProcessSteps {

    private final ProcessEngine engine;

    public ProcessSteps(ProcessEngine engine) {
        this.engine = engine;
    }

    public Task openTask(ProcessInstance pi, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    public Set<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId()).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The open user tasks of the instance are exactly these (executions may also wait at a join). */
    public void assertOpenTasks(ProcessInstance pi, String... taskKeys) {
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list())
                .extracting(Task::getTaskDefinitionKey).as("open tasks").containsExactlyInAnyOrder(taskKeys);
    }

    /**
     * Completes the open task as its RACI group would: the task must be offered to exactly that group (set by the
     * RACI task listener from the task's declared activity and role).
     */
    public String complete(ProcessInstance pi, String taskKey, String group, Map<String, Object> variables) {
        Task task = openTask(pi, taskKey);
        assertThat(candidateGroups(task)).as("candidate groups of %s", taskKey).containsExactly(group);
        assertThat(task.getAssignee()).as("assignee of %s", taskKey).isNull();
        engine.getTaskService().complete(task.getId(), variables);
        return task.getId();
    }

    public Job timerJob(ProcessInstance pi, String timerId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(timerId).singleResult();
        assertThat(job).as("timer job of %s", timerId).isNotNull();
        return job;
    }

    public long timerJobs(ProcessInstance pi, String timerId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(timerId).count();
    }

    /** Fires a timer now, as the job executor would when it is due. */
    public void fire(Job job) {
        engine.getManagementService().executeJob(job.getId());
    }

    public long passedCount(ProcessInstance pi, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(activityId).finished().count();
    }

    /** The instance a call activity of {@code parent} is running. */
    public ProcessInstance calledInstance(ProcessInstance parent) {
        ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(parent.getId()).singleResult();
        assertThat(called).as("process instance called by %s", parent.getId()).isNotNull();
        return called;
    }

    /** The exception and its causes, outermost first. */
    public static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    public Object variable(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }
}
