package io.aimsgate.shared;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Engine authorisations one feature needs for its own resources (its decisions, its Cockpit views), beyond what its
 * BPMN declares: who starts a process comes from the process's {@code camunda:candidateStarterGroups}, task access
 * from the candidate groups. The security set-up collects every contribution at start-up and applies it
 * idempotently, in every profile.
 */
@FunctionalInterface
public interface EngineGrants {

    void contribute(Grants grants);

    /** Grants to a group; granting what is already granted changes nothing. */
    @FunctionalInterface
    interface Grants {

        void grant(String groupId, Resource resource, String resourceId, Permission... permissions);
    }
}
