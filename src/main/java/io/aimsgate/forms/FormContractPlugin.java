package io.aimsgate.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the form contract into the engine: every user task of every deployed process gets {@link FormRoundListener}
 * (create and complete) as a built-in listener. Registered by Spring (a {@code ProcessEnginePlugin} bean) and by the
 * stand-alone engine of the process tests ({@code camunda.cfg.xml}).
 */
public class FormContractPlugin extends AbstractProcessEnginePlugin {

    private final FormContracts contracts;

    public FormContractPlugin() {
        this(new FormContracts());
    }

    public FormContractPlugin(FormContracts contracts) {
        this.contracts = contracts;
    }

    public FormContracts contracts() {
        return contracts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPreBPMNParseListeners(listeners);
        }
        TaskListener round = new FormRoundListener(contracts);
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, round);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, round);
                }
            }
        });
    }
}
