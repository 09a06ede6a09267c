package io.aimsgate.gate;

import java.util.Optional;

/** The request of a gate's process instance: read by every listener and delegate of the gate. */
interface RequestByProcessInstance {

    Optional<DeploymentRequest> findByProcessInstanceId(String processInstanceId);
}
