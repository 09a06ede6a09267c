package io.aimsgate.gate;

import java.util.List;

/**
 * Something a system must have done before any of its versions may enter the deployment gate (the earlier
 * life-cycle gates). Implemented outside this feature, so the gate does not depend on the life-cycle gates.
 */
public interface DeploymentPrerequisite {

    /** Why the system's versions may not be submitted yet; empty when they may. */
    List<String> unmetFor(Long systemId);
}
