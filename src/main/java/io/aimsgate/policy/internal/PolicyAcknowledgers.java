package io.aimsgate.policy.internal;

import io.aimsgate.policy.PolicyAcknowledgement;
import io.aimsgate.policy.PolicyService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection of the acknowledgement tasks ({@code ${policyAcknowledgers.pending(execution)}}): who still has to
 * acknowledge the version this process instance published. Public: the engine's expression language calls it.
 */
@Component("policyAcknowledgers")
public class PolicyAcknowledgers {

    private final PolicyService policies;

    PolicyAcknowledgers(PolicyService policies) {
        this.policies = policies;
    }

    public List<String> pending(DelegateExecution execution) {
        return policies.acknowledgementsOf(policies.requireByProcess(execution.getProcessInstanceId())).stream()
                .filter(a -> !a.isAcknowledged()).map(PolicyAcknowledgement::getUserId).toList();
    }
}
