package io.aimsgate.inventory;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.PlatformEngineAccess;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inventory's public service: AI systems and their model versions. */
@Service
@Transactional
public class InventoryService {

    private final AiSystemRepository systems;
    private final ModelVersionRepository versions;
    private final IdentityService identityService;
    private final PlatformEngineAccess engine;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final DecisionLedger ledger;

    InventoryService(AiSystemRepository systems, ModelVersionRepository versions, IdentityService identityService,
            PlatformEngineAccess engine, ApplicationEventPublisher publisher, Clock clock, DecisionLedger ledger) {
        this.ledger = ledger;
        this.engine = engine;
        this.publisher = publisher;
        this.systems = systems;
        this.versions = versions;
        this.identityService = identityService;
        this.clock = clock;
    }

    public AiSystem createSystem(SystemDetails details, LifecycleStage stage, String actor) {
        checkDetails(details);
        if (systems.existsByNameIgnoreCase(details.name())) {
            throw new ConflictException("name", "An AI system named '" + details.name() + "' already exists.");
        }
        AiSystem system = new AiSystem(actor, stage, clock.instant());
        system.describe(details, clock.instant());
        AiSystem created = systems.save(system);
        log("SYSTEM_REGISTERED", "SYSTEM", created.getId(), created.getId(), null,
                io.aimsgate.shared.ledger.Snapshots.of("name", created.getName(), "stage", String.valueOf(stage)));
        publisher.publishEvent(new SystemCreated(created.getId()));
        return created;
    }

    public AiSystem updateSystem(Long id, SystemDetails details) {
        AiSystem system = requireSystem(id);
        checkDetails(details);
        if (systems.existsByNameIgnoreCaseAndIdNot(details.name(), id)) {
            throw new ConflictException("name", "An AI system named '" + details.name() + "' already exists.");
        }
        system.describe(details, clock.instant());
        return system;
    }

    @Transactional(readOnly = true)
    public AiSystem requireSystem(Long id) {
        return systems.findById(id)
                .orElseThrow(() -> new NotFoundException("systemId", "No AI system with id " + id + "."));
    }

    @Transactional(readOnly = true)
    public Page<AiSystem> findSystems(SystemFilter filter, Pageable pageable) {
        return systems.findAll(matching(filter), pageable);
    }

    /** Moves the system to another life-cycle stage; called by the gates only. */
    public void moveToStage(Long systemId, LifecycleStage stage) {
        requireSystem(systemId).moveTo(stage, clock.instant());
    }

    public ModelVersion registerVersion(Long systemId, String versionLabel, String artifactSha256, String actor) {
        requireSystem(systemId);
        if (versions.existsBySystemIdAndVersionLabel(systemId, versionLabel)) {
            throw new ConflictException("versionLabel",
                    "Version '" + versionLabel + "' already exists for AI system " + systemId + ".");
        }
        return versions.save(new ModelVersion(systemId, versionLabel, artifactSha256.toLowerCase(), actor,
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public ModelVersion requireVersion(Long systemId, String versionLabel) {
        requireSystem(systemId);
        return versions.findBySystemIdAndVersionLabel(systemId, versionLabel)
                .orElseThrow(() -> new NotFoundException("versionLabel",
                        "AI system " + systemId + " has no version '" + versionLabel + "'."));
    }

    @Transactional(readOnly = true)
    public ModelVersion requireVersion(Long versionId) {
        return versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("versionId", "No model version with id " + versionId + "."));
    }

    @Transactional(readOnly = true)
    public Page<ModelVersion> findVersions(Long systemId, VersionStatus status, Pageable pageable) {
        requireSystem(systemId);
        return status == null ? versions.findBySystemId(systemId, pageable)
                : versions.findBySystemIdAndStatus(systemId, status, pageable);
    }

    /**
     * The artifact digest may be corrected before the version enters a gate (DRAFT) and replaced once it is APPROVED:
     * a changed artefact invalidates the approval, which was bound to the old digest ({@link ArtifactReplaced}), and
     * the version goes back for re-approval. In review, halted or decided otherwise it cannot change.
     */
    public ModelVersion replaceArtifact(Long systemId, String versionLabel, String artifactSha256) {
        ModelVersion version = requireVersion(systemId, versionLabel);
        if (version.getStatus() != VersionStatus.DRAFT && version.getStatus() != VersionStatus.APPROVED) {
            throw new ConflictException("artifactSha256", "The artifact of a version in status "
                    + version.getStatus() + " cannot change; register a new version instead.");
        }
        String previous = version.getArtifactSha256();
        String replacement = artifactSha256.toLowerCase();
        if (replacement.equals(previous)) {
            return version;
        }
        version.replaceArtifact(replacement, clock.instant());
        log("VERSION_ARTIFACT_REPLACED", "MODEL_VERSION", version.getId(), systemId, null,
                io.aimsgate.shared.ledger.Snapshots.of("versionLabel", version.getVersionLabel(), "status",
                        version.getStatus().name(), "previousSha256", previous, "artifactSha256", replacement));
        publisher.publishEvent(new ArtifactReplaced(systemId, version.getId(), version.getVersionLabel(), previous,
                replacement));
        return version;
    }

    /** Suspends a version (an open SEV1/SEV2 incident); its current status is held until the suspension is lifted. */
    public void suspendVersion(Long versionId) {
        ModelVersion version = requireVersion(versionId);
        if (version.getStatus() != VersionStatus.RETIRED) {
            version.suspend(clock.instant());
            log("VERSION_SUSPENDED", "MODEL_VERSION", version.getId(), version.getSystemId(), null, versionSnapshot(version));
        }
    }

    /** Lifts a suspension: the version takes the held status (including any gate decision made meanwhile). */
    public void liftSuspension(Long versionId) {
        ModelVersion version = requireVersion(versionId);
        version.liftSuspension(clock.instant());
        log("VERSION_RESUMED", "MODEL_VERSION", version.getId(), version.getSystemId(), null, versionSnapshot(version));
    }

    /** Moves the system forward to a later stage only: re-running an earlier gate never moves it back. */
    public void advanceToStage(Long systemId, LifecycleStage stage) {
        AiSystem system = requireSystem(systemId);
        if (system.getLifecycleStage() == null || system.getLifecycleStage().ordinal() < stage.ordinal()) {
            system.moveTo(stage, clock.instant());
        }
    }

    /** Records the EU AI Act tier the inception gate classified. */
    public void classify(Long systemId, EuAiActTier tier) {
        requireSystem(systemId).classify(tier, clock.instant());
    }

    /** Suspends every released or in-flight version of the system (a re-evaluation decided to suspend it). */
    public List<ModelVersion> suspendSystem(Long systemId) {
        List<ModelVersion> suspended = versions.findBySystemIdAndStatusIn(systemId,
                List.of(VersionStatus.APPROVED, VersionStatus.IN_REVIEW, VersionStatus.HALTED));
        suspended.forEach(version -> version.suspend(clock.instant()));
        log("SYSTEM_SUSPENDED", "SYSTEM", systemId, systemId, null, io.aimsgate.shared.ledger.Snapshots.of("suspendedVersions",
                suspended.stream().map(ModelVersion::getVersionLabel).toList()));
        return suspended;
    }

    /** Retires the system: every version becomes RETIRED, whatever it was or held, and the stage RETIREMENT. */
    public void retireSystem(Long systemId) {
        AiSystem system = requireSystem(systemId);
        versions.findBySystemIdAndStatusIn(systemId, List.of(VersionStatus.values()))
                .forEach(version -> version.retire(clock.instant()));
        system.moveTo(LifecycleStage.RETIREMENT, clock.instant());
        log("SYSTEM_RETIRED", "SYSTEM", systemId, systemId, null, io.aimsgate.shared.ledger.Snapshots.of("stage",
                LifecycleStage.RETIREMENT.name()));
    }

    private static java.util.Map<String, Object> versionSnapshot(ModelVersion version) {
        return io.aimsgate.shared.ledger.Snapshots.of("versionLabel", version.getVersionLabel(), "status", version.getStatus().name());
    }

    /** The decision ledger entry of an inventory change, in this transaction. */
    private void log(String kind, String subjectType, Long subjectId, Long systemId, String rationale,
            java.util.Map<String, Object> snapshot) {
        ledger.append(new LedgerRecord(kind, null, subjectType, String.valueOf(subjectId), systemId, rationale, null,
                null, snapshot));
    }

    @Transactional(readOnly = true)
    public List<ModelVersion> versionsOf(Long systemId, List<VersionStatus> statuses) {
        return versions.findBySystemIdAndStatusIn(systemId, statuses);
    }

    /** Status changes belong to the gates: this is their entry point, never a client's. */
    public void changeVersionStatus(Long versionId, VersionStatus status) {
        requireVersion(versionId).changeStatus(status, clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    private void checkDetails(SystemDetails details) {
        if (engine.withoutUserAuthorization(
                () -> identityService.createUserQuery().userId(details.businessOwner()).count()) == 0) {
            throw new InvalidInputException("businessOwner", "No user '" + details.businessOwner() + "' is known.");
        }
        if (details.supplierType() == SupplierType.THIRD_PARTY
                && (details.supplierName() == null || details.supplierName().isBlank())) {
            throw new InvalidInputException("supplierName", "A third-party system needs the supplier's name.");
        }
    }

    private static Specification<AiSystem> matching(SystemFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.tier() != null) {
                predicates.add(cb.equal(root.get("euAiActTier"), filter.tier()));
            }
            if (filter.stage() != null) {
                predicates.add(cb.equal(root.get("lifecycleStage"), filter.stage()));
            }
            if (filter.aiType() != null) {
                predicates.add(cb.equal(root.get("aiType"), filter.aiType()));
            }
            if (filter.businessOwner() != null) {
                predicates.add(cb.equal(root.get("businessOwner"), filter.businessOwner()));
            }
            if (filter.businessUnit() != null) {
                predicates.add(cb.equal(root.get("businessUnit"), filter.businessUnit()));
            }
            if (filter.nameContains() != null) {
                predicates.add(cb.like(cb.lower(root.get("name")),
                        "%" + filter.nameContains().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%", '\\'));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
