package io.aimsgate.incident;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.Commands;
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

    /** Applies the report's rules ({@link NonconformityReport}, 400 naming the field) and that its system exists. */
    @Transactional(readOnly = true)
    public NonconformityReport validate(NonconformityReport report) {
        Commands.validate(report);
        if (report.systemId() != null) {
            inventory.requireSystem(report.systemId());
        }
        return report;
    }

    /** Stores the nonconformity of a process instance; running it twice returns the same one. */
    public Nonconformity register(String processInstanceId, NonconformityReport report, String raisedBy) {
        return nonconformities.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            validate(report);
            return nonconformities.save(new Nonconformity(report.systemId(), processInstanceId, report.source(),
                    report.requirement(), report.description(), raisedBy, clock.instant()));
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
