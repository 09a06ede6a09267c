package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a model version to the deployment gate over REST: the same process the Tasklist start form
 * starts, run synchronously up to its first wait state (halted for remediation, or in review).
 */
@Service
public class DeploymentSubmissions {

    private final DeploymentGateService gate;
    private final RuntimeService runtimeService;

    DeploymentSubmissions(DeploymentGateService gate, RuntimeService runtimeService) {
        this.gate = gate;
        this.runtimeService = runtimeService;
    }

    /**
     * The engine's authenticated user (set per request by the engine authentication filter) becomes the initiator. The
     * process's first step checks the submission (404, 409) and records the request; a refusal rolls the start back.
     */
    @Transactional
    public DeploymentRequest submit(Long systemId, String versionLabel, String note) {
        return submit(systemId, versionLabel, note, null);
    }

    /** The same, naming the serving image ({@code registry/repository@sha256:<hex>}) the signed decision names too. */
    @Transactional
    public DeploymentRequest submit(Long systemId, String versionLabel, String note, String servingImage) {
        VariableMap variables = Variables.createVariables()
                .putValue(SYSTEM_ID, systemId)
                .putValue(VERSION_LABEL, versionLabel)
                .putValue(SUBMISSION_NOTE, note);
        if (servingImage != null) {
            // Only when named: a null variable would cost its rows (and their history) in every gate for nothing.
            variables.putValue(SERVING_IMAGE, servingImage);
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, systemId + ":" + versionLabel,
                variables);
        return gate.requireByProcessInstance(instance.getId());
    }
}
