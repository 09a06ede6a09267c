package io.aimsgate.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The contract registry: which variables each user task and start event accepts, read from the Camunda Forms the
 * engine deployed with the process ({@code camunda:formRef}, binding {@code deployment}), and which variables each
 * message accepts, from the declaration {@code engine-contracts/messages.json}. Nothing is hand-listed per task: a
 * changed form changes its contract with the next deployment.
 *
 * <p>Lookups read the repository; callers run them without a user's authorisation (the engine checks the user's
 * rights on the operation itself). Results are cached: deployed definitions and forms never change.
 */
public final class FormContracts {

    static final String MESSAGES = "engine-contracts/messages.json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, FormContract> byElement = new ConcurrentHashMap<>();
    private final Map<String, Map<String, FormContract>> formsByDeployment = new ConcurrentHashMap<>();
    private final Map<String, MessageContract> messages;

    public FormContracts() {
        this.messages = readMessages();
    }

    /** A message's declaration: whether clients may correlate it, and the variables it carries. */
    public record MessageContract(String name, boolean correlatable, String reason, FormContract variables) {
    }

    /** The contract of the user task {@code activityId} of the process definition. */
    public FormContract forUserTask(RepositoryService repository, String processDefinitionId, String activityId) {
        if (processDefinitionId == null) {
            // A stand-alone task has no form: it takes no variables.
            return FormContract.none("standalone-task");
        }
        return byElement.computeIfAbsent(processDefinitionId + "#" + activityId, k -> {
            BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
            BaseElement element = model.getModelElementById(activityId);
            if (!(element instanceof UserTask task)) {
                return FormContract.none(activityId);
            }
            return formOf(repository, processDefinitionId, activityId, task.getCamundaFormRef(),
                    task.getCamundaFormRefBinding());
        });
    }

    /** The contract of the process definition's plain (none) start event, the one a start or submit-form runs. */
    public FormContract forStart(RepositoryService repository, String processDefinitionId) {
        return byElement.computeIfAbsent(processDefinitionId + "#start", k -> {
            BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty()) {
                    return formOf(repository, processDefinitionId, start.getId(), start.getCamundaFormRef(),
                            start.getCamundaFormRefBinding());
                }
            }
            return FormContract.none("start");
        });
    }

    public Optional<MessageContract> forMessage(String name) {
        return Optional.ofNullable(messages.get(name));
    }

    private FormContract formOf(RepositoryService repository, String processDefinitionId, String elementId,
            String formRef, String binding) {
        if (formRef == null || formRef.isBlank()) {
            return FormContract.none(elementId);
        }
        if (binding != null && !"deployment".equals(binding)) {
            return FormContract.unresolved(formRef, "'" + elementId + "' binds its form '" + formRef + "' by "
                    + binding + "; only a form deployed with its process (binding 'deployment') is a contract");
        }
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        FormContract contract = formsOf(repository, definition.getDeploymentId()).get(formRef);
        if (contract == null) {
            return FormContract.unresolved(formRef, "'" + elementId + "' names form '" + formRef
                    + "', which is not deployed with its process");
        }
        return contract;
    }

    private Map<String, FormContract> formsOf(RepositoryService repository, String deploymentId) {
        return formsByDeployment.computeIfAbsent(deploymentId, id -> {
            Map<String, FormContract> forms = new HashMap<>();
            for (String resource : repository.getDeploymentResourceNames(id)) {
                if (resource.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(id, resource)) {
                        FormContract contract = FormContract.parse(mapper.readTree(in));
                        forms.put(contract.id(), contract);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Form " + resource + " of deployment " + id
                                + " cannot be read", e);
                    }
                }
            }
            return Map.copyOf(forms);
        });
    }

    private Map<String, MessageContract> readMessages() {
        try (InputStream in = FormContracts.class.getClassLoader().getResourceAsStream(MESSAGES)) {
            if (in == null) {
                throw new IllegalStateException("The message declaration " + MESSAGES + " is missing");
            }
            Map<String, MessageContract> declared = new LinkedHashMap<>();
            for (JsonNode message : mapper.readTree(in).path("messages")) {
                String name = message.path("name").asText();
                FormContract variables = FormContract.parse(message.path("variables"));
                declared.put(name, new MessageContract(name, message.path("correlatable").asBoolean(false),
                        message.path("reason").asText(""), variables));
            }
            return Map.copyOf(declared);
        } catch (IOException e) {
            throw new UncheckedIOException("The message declaration " + MESSAGES + " cannot be read", e);
        }
    }
}
