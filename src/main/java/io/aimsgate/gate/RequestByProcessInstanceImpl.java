package io.aimsgate.gate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The process instance id is the request's natural id, so Hibernate remembers which request it names for the rest
 * of the transaction: the listeners and delegates of one engine transaction (a completion that runs the re-assessment
 * and records the approval) read the request once instead of once each.
 */
class RequestByProcessInstanceImpl implements RequestByProcessInstance {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<DeploymentRequest> findByProcessInstanceId(String processInstanceId) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(DeploymentRequest.class)
                .loadOptional(processInstanceId);
    }
}
