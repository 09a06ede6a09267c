package io.aimsgate.observability;

import io.aimsgate.raci.RaciGroups;
import java.time.Duration;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counts gate runs and task waiting times from the engine itself, for every process model, as built-in listeners
 * (they cannot be skipped and need nothing in the BPMN): a run starts with its process instance; it ends at one of
 * its end events, whose id names the outcome ({@code end_approved} is "approved"), or is cancelled.
 */
@Component
class GateMetricsPlugin extends AbstractProcessEnginePlugin {

    static final String END_EVENT_PREFIX = "end_";

    private final ObjectProvider<GovernanceMetrics> metrics;

    GateMetricsPlugin(ObjectProvider<GovernanceMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                String kind = definition.getKey();
                ExecutionListener started = execution -> {
                    if (isProcessInstance(execution)) {
                        metrics.getObject().gateStarted(kind);
                    }
                };
                ExecutionListener cancelled = execution -> {
                    if (isProcessInstance(execution) && execution.isCanceled()) {
                        metrics.getObject().gateEnded(kind, "cancelled");
                    }
                };
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cancelled);
            }

            @Override
            public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
                if (scope instanceof ProcessDefinitionEntity definition) {
                    String kind = definition.getKey();
                    String outcome = outcome(activity.getId());
                    ExecutionListener ended = execution -> metrics.getObject().gateEnded(kind, outcome);
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
                }
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    String kind = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
                    TaskListener waited = task -> metrics.getObject().taskWaited(raciGroup(task), kind,
                            Duration.ofMillis(Math.max(0,
                                    ClockUtil.getCurrentTime().getTime() - task.getCreateTime().getTime())));
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, waited);
                }
            }
        });
    }

    static boolean isProcessInstance(DelegateExecution execution) {
        return execution.getId().equals(execution.getProcessInstanceId());
    }

    /** {@code end_approved} is "approved", {@code end_design_passed} is "design_passed"; other ids are kept whole. */
    static String outcome(String endEventId) {
        return endEventId.startsWith(END_EVENT_PREFIX) ? endEventId.substring(END_EVENT_PREFIX.length()) : endEventId;
    }

    /** The task's RACI group: its first candidate group that is a RACI role, else "none". */
    static String raciGroup(DelegateTask task) {
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && RaciGroups.ALL.contains(link.getGroupId())) {
                return link.getGroupId();
            }
        }
        return "none";
    }
}
