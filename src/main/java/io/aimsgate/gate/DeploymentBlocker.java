package io.aimsgate.gate;

import java.util.List;

/**
 * Something outside the gate that stops a version from shipping right now (e.g. an open incident that
 * suspended it). The pipeline check lists every reason from every blocker.
 */
public interface DeploymentBlocker {

    List<String> blockingReasons(Long versionId);
}
