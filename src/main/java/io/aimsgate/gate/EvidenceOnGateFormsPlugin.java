package io.aimsgate.gate;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link EvidenceOnGateForms} to every user task whose Camunda Form is one of the gate decision forms, on
 * creation and on every assignment (a claim refreshes what the form shows). The listener is looked up when first
 * used (it needs services that need the engine this plugin configures).
 * <p>
 * The text it writes is display only, made from the evidence tables (whose files, revisions and digests are kept,
 * append-only, with the ledger's entries and the approvals bound to them): the engine keeps no history of it
 * ({@link WithoutDisplayText}); every other variable's history stays as the history level has it.
 */
@Component
class EvidenceOnGateFormsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<EvidenceOnGateForms> listener;

    EvidenceOnGateFormsPlugin(ObjectProvider<EvidenceOnGateForms> listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener evidence = task -> listener.getObject().notify(task);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                String form = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (form != null && EvidenceOnGateForms.FORMS.contains(form)
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, evidence);
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, evidence);
                }
            }
        });
    }

    /** After the engine built its history event handler (the database's and any custom ones): filters it. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutDisplayText(configuration.getHistoryEventHandler()));
    }

    /**
     * Hands every history event on except those of the task-local display text {@value EvidenceOnGateForms#VARIABLE}
     * (its creation, refreshes and removal: a history instance and a detail row each, per gate task), which the
     * engine would otherwise keep for the history's lifetime.
     */
    static final class WithoutDisplayText implements HistoryEventHandler {

        private final HistoryEventHandler next;

        WithoutDisplayText(HistoryEventHandler next) {
            this.next = next;
        }

        static boolean isDisplayText(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && EvidenceOnGateForms.VARIABLE.equals(variable.getVariableName());
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isDisplayText(event)) {
                next.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            List<HistoryEvent> kept = events.stream().filter(event -> !isDisplayText(event)).toList();
            if (!kept.isEmpty()) {
                next.handleEvents(kept);
            }
        }
    }
}
