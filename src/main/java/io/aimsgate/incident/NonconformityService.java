package io.aimsgate.incident;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Nonconformities from internal audits and reviews (clause 10.2); corrected through the shared sub-process. */
@Service
@Transactional
public class NonconformityService {

    private final NonconformityRepository nonconformities;
    private final InventoryService inventory;
    private final Clock clock;

    NonconformityService(NonconformityRepository nonconformities, InventoryService inventory, Clock clock) {
        this.nonconformities = nonconformities;
        this.inventory = inventory;
        this.clock = clock;
    }

    public void validate(Long systemId) {
        if (systemId != null) {
            inventory.requireSystem(systemId);
        }
    }

    public Nonconformity register(String processInstanceId, Long systemId, NonconformitySource source,
            String requirement, String description, String raisedBy) {
        return nonconformities.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            validate(systemId);
            return nonconformities.save(new Nonconformity(systemId, processInstanceId, source, requirement,
                    description, raisedBy, clock.instant()));
        });
    }

    public void close(Long nonconformityId) {
        require(nonconformityId).close(clock.instant());
    }

    @Transactional(readOnly = true)
    public Nonconformity require(Long id) {
        return nonconformities.findById(id)
                .orElseThrow(() -> new NotFoundException("nonconformityId", "No nonconformity " + id + "."));
    }

    @Transactional(readOnly = true)
    public Nonconformity requireByProcessInstance(String processInstanceId) {
        return nonconformities.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new NotFoundException(
                "processInstanceId", "No nonconformity for process instance " + processInstanceId + "."));
    }
}
