package io.aimsgate.objectives;

import io.aimsgate.objectives.ObjectiveMeasurements.Measurement;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.NotFoundException;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The AI objectives (clause 6.2): set with a metric the platform computes ({@link ObjectiveMeasurements}), a target,
 * an owner and a due date; measured live on every read and recorded once a day (and when set) as a snapshot, so the
 * status over time is evidence of monitoring the objectives (clause 9.1).
 */
@Service
@Transactional
public class ObjectiveService {

    private static final Logger log = LoggerFactory.getLogger(ObjectiveService.class);

    private final AiObjectiveRepository objectives;
    private final ObjectiveSnapshotRepository snapshots;
    private final ObjectiveMeasurements measurements;
    private final Clock clock;
    private final IdentityService identityService;
    private final PlatformEngineAccess engine;
    private final TransactionTemplate transactions;

    ObjectiveService(AiObjectiveRepository objectives, ObjectiveSnapshotRepository snapshots,
            ObjectiveMeasurements measurements, Clock clock, @Lazy IdentityService identityService,
            @Lazy PlatformEngineAccess engine, PlatformTransactionManager transactionManager) {
        this.objectives = objectives;
        this.snapshots = snapshots;
        this.measurements = measurements;
        this.clock = clock;
        this.identityService = identityService;
        this.engine = engine;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public ObjectiveView create(NewObjective command, String actor) {
        Commands.validate(command);
        if ("share".equals(command.metric().unit()) && command.target() > 1) {
            throw new InvalidInputException("target", "is a share of " + command.metric().sample()
                    + ": between 0 and 1");
        }
        if (!engine.withoutUserAuthorization(() -> identityService.createUserQuery().userId(command.owner())
                .count() > 0)) {
            throw new InvalidInputException("owner", "names no user");
        }
        if (objectives.findByCode(command.code()).isPresent()) {
            throw new ConflictException("code", "An objective " + command.code() + " exists already.");
        }
        AiObjective objective = objectives.save(new AiObjective(command.code(), command.title(), command.metric(),
                command.direction(), command.target(), command.owner(), command.dueDate(), actor, clock.instant()));
        snapshot(objective);
        return view(objective);
    }

    /** Every objective with its status now and its history. */
    @Transactional(readOnly = true)
    public List<ObjectiveView> current() {
        return objectives.findAllByOrderByCode().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ObjectiveView current(String code) {
        return view(objectives.findByCode(code).orElseThrow(() -> new NotFoundException("code",
                "No objective " + code + ".")));
    }

    /** Records today's snapshot of every objective (each in its own transaction: one failure stops no other). */
    @Scheduled(cron = "${aims.objectives.snapshot-cron:0 15 0 * * *}", zone = "UTC")
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int recordSnapshots() {
        int recorded = 0;
        for (AiObjective objective : objectives.findAllByOrderByCode()) {
            try {
                transactions.executeWithoutResult(status -> snapshot(objectives.findById(objective.getId())
                        .orElseThrow()));
                recorded++;
            } catch (DataIntegrityViolationException e) {
                // another node recorded today's snapshot at the same moment: one per day is kept
                log.info("Snapshot of objective {} recorded by another node", objective.getCode());
            }
        }
        return recorded;
    }

    private void snapshot(AiObjective objective) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Measurement measured = measurements.measure(objective.getMetric());
        ObjectiveSnapshot snapshot = snapshots.findByObjectiveIdAndMeasuredOn(objective.getId(), today)
                .orElseGet(() -> new ObjectiveSnapshot(objective.getId(), today));
        snapshot.record(now, measured.value(), measured.sampleSize(), status(objective, measured.value(), today));
        snapshots.save(snapshot);
    }

    private ObjectiveView view(AiObjective objective) {
        Instant now = clock.instant();
        Measurement measured = measurements.measure(objective.getMetric());
        ObjectiveStatus status = status(objective, measured.value(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<ObjectiveView.Point> history = snapshots.findByObjectiveIdOrderByMeasuredOn(objective.getId()).stream()
                .map(s -> new ObjectiveView.Point(s.getMeasuredOn(), s.getMeasuredValue(), s.getSampleSize(),
                        s.getStatus())).toList();
        return new ObjectiveView(objective.getCode(), objective.getTitle(), objective.getMetric(),
                objective.getMetric().unit(), objective.getMetric().sample(), objective.getDirection(),
                objective.getTarget(), objective.getOwner(), objective.getDueDate(), measured.value(),
                measured.sampleSize(), status, now, history);
    }

    /** MET when the value reaches the target; otherwise NOT_MET until the due date has passed, then MISSED. */
    static ObjectiveStatus status(AiObjective objective, Double value, LocalDate today) {
        if (value == null) {
            return ObjectiveStatus.NO_DATA;
        }
        if (objective.getDirection().met(value, objective.getTarget())) {
            return ObjectiveStatus.MET;
        }
        return today.isAfter(objective.getDueDate()) ? ObjectiveStatus.MISSED : ObjectiveStatus.NOT_MET;
    }
}
