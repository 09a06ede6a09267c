package io.aimsgate.datagovernance;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A system's dataset register, and the check the design & development gate makes of it. */
@Service
@Transactional
public class DatasetService {

    /** What the gate found: whether it may go on, why not, and whether privacy must be consulted. */
    public record RegisterCheck(List<String> blockingReasons, boolean personalDataPresent, int datasetCount) {

        public boolean blocked() {
            return !blockingReasons.isEmpty();
        }
    }

    private final DatasetRepository datasets;
    private final InventoryService inventory;
    private final Clock clock;

    DatasetService(DatasetRepository datasets, InventoryService inventory, Clock clock) {
        this.datasets = datasets;
        this.inventory = inventory;
        this.clock = clock;
    }

    public Dataset register(Long systemId, DatasetDetails details, String actor) {
        inventory.requireSystem(systemId);
        if (datasets.existsBySystemIdAndName(systemId, details.name())) {
            throw new ConflictException("name", "Dataset '" + details.name() + "' is already registered for AI system "
                    + systemId + ".");
        }
        Dataset dataset = new Dataset(systemId, actor, clock.instant());
        dataset.describe(details, actor, clock.instant());
        return datasets.save(dataset);
    }

    public Dataset update(Long systemId, Long datasetId, DatasetDetails details, String actor) {
        Dataset dataset = require(systemId, datasetId);
        if (!dataset.getName().equals(details.name()) && datasets.existsBySystemIdAndName(systemId, details.name())) {
            throw new ConflictException("name", "Dataset '" + details.name() + "' is already registered for AI system "
                    + systemId + ".");
        }
        dataset.describe(details, actor, clock.instant());
        return dataset;
    }

    @Transactional(readOnly = true)
    public Dataset require(Long systemId, Long datasetId) {
        return datasets.findById(datasetId).filter(d -> d.getSystemId().equals(systemId))
                .orElseThrow(() -> new NotFoundException("datasetId", "No dataset " + datasetId + " in AI system "
                        + systemId + "."));
    }

    @Transactional(readOnly = true)
    public List<Dataset> registerOf(Long systemId) {
        inventory.requireSystem(systemId);
        return datasets.findBySystemIdOrderByName(systemId);
    }

    /** The design & development gate's check: an empty register blocks, and so does any incomplete dataset. */
    @Transactional(readOnly = true)
    public RegisterCheck check(Long systemId) {
        List<Dataset> register = registerOf(systemId);
        List<String> reasons = new ArrayList<>();
        if (register.isEmpty()) {
            reasons.add("No dataset is registered for this system: register its training, validation and test data.");
        }
        register.forEach(dataset -> reasons.addAll(dataset.blockingReasons()));
        return new RegisterCheck(reasons, register.stream().anyMatch(Dataset::holdsPersonalData), register.size());
    }
}

interface DatasetRepository extends JpaRepository<Dataset, Long> {

    boolean existsBySystemIdAndName(Long systemId, String name);

    List<Dataset> findBySystemIdOrderByName(Long systemId);
}
