package io.aimsgate.raci;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * The platform's own processes (processes/*.bpmn, deployed by the platform at start-up) are the gates. A user's
 * deployment over any API (an operator's probe, a new risk appetite DMN) may add models, but never a new definition of
 * one of those process keys: that would replace a gate with whatever the deployment says. Refused with
 * {@link GovernanceRuleViolation} (403); the platform's own start-up deployment runs without a user and passes.
 */
class PlatformProcessDeploymentGuard implements Deployer {

    private final Set<String> platformKeys;

    PlatformProcessDeploymentGuard(Set<String> platformKeys) {
        this.platformKeys = Set.copyOf(platformKeys);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        CommandContext command = Context.getCommandContext();
        String user = command == null ? null : command.getAuthenticatedUserId();
        if (!deployment.isNew() || user == null || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName() == null ? "" : resource.getName();
            if (!(name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) || resource.getBytes() == null) {
                continue;
            }
            Set<String> redefined = new TreeSet<>(processKeys(new ByteArrayInputStream(resource.getBytes())));
            redefined.retainAll(platformKeys);
            if (!redefined.isEmpty()) {
                throw new GovernanceRuleViolation(user + " may not deploy a new definition of the platform's "
                        + "process " + redefined + " (" + name + "): the gates change only with a release of the "
                        + "platform.");
            }
        }
    }

    private static Set<String> processKeys(InputStream model) {
        Set<String> keys = new TreeSet<>();
        try {
            Bpmn.readModelFromStream(model).getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId()));
        } catch (RuntimeException unreadable) {
            // Not a model the engine can parse either: the engine's own deployment refuses it with its own error.
        }
        return keys;
    }
}
