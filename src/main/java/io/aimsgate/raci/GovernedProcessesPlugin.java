package io.aimsgate.raci;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds the governance guards to every process and user task the engine parses, as built-in listeners: they run
 * before the model's own listeners and even when an API call asks to skip custom listeners; and refuses a user's
 * deployment that would redefine one of the platform's processes ({@link PlatformProcessDeploymentGuard}). The guards are looked
 * up when first used (they need services that need the engine this plugin configures).
 */
@Component
class GovernedProcessesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<GovernedTaskGuard> taskGuard;
    private final ObjectProvider<GovernedProcessGuard> processGuard;

    GovernedProcessesPlugin(ObjectProvider<GovernedTaskGuard> taskGuard,
            ObjectProvider<GovernedProcessGuard> processGuard) {
        this.taskGuard = taskGuard;
        this.processGuard = processGuard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(
                new PlatformProcessDeploymentGuard(PlatformProcesses.keys()));
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener tasks = task -> taskGuard.getObject().notify(task);
        ExecutionListener processes = execution -> processGuard.getObject().notify(execution);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, processes);
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, processes);
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, tasks);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, tasks);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, tasks);
                }
            }
        });
    }
}
