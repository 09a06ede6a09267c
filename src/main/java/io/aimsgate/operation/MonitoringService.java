package io.aimsgate.operation;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.shared.Actors;

import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.EngineSystemCalls;
import io.aimsgate.validation.MetricBound;
import io.aimsgate.validation.Objectives;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production monitoring (clause 9.1, A.6.2.6): records each reading against the system's objective; a reading past
 * it sets off a re-evaluation by message: it wakes the system's waiting re-evaluation, or starts one.
 */
@Service
@Transactional
public class MonitoringService {

    private final MonitoringReadingRepository readings;
    private final Objectives objectives;
    private final LifecycleGateService gates;
    private final InventoryService inventory;
    private final RuntimeService runtimeService;
    private final EngineSystemCalls engine;
    private final Clock clock;

    MonitoringService(MonitoringReadingRepository readings, Objectives objectives, LifecycleGateService gates,
            InventoryService inventory, RuntimeService runtimeService, EngineSystemCalls engine, Clock clock) {
        this.readings = readings;
        this.objectives = objectives;
        this.gates = gates;
        this.inventory = inventory;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.clock = clock;
    }

    public MonitoringReading record(Long systemId, String metric, double value, Instant measuredAt, String actor) {
        inventory.requireSystem(systemId);
        Optional<Objectives.InForce> objective = objectives.forMetric(systemId, metric);
        boolean breached = objective.map(o -> o.breachedBy(value)).orElse(false);
        Instant now = clock.instant();
        MonitoringReading reading = readings.save(new MonitoringReading(systemId, metric, value,
                objective.map(Objectives.InForce::bound).orElse(null),
                objective.map(Objectives.InForce::threshold).orElse(null), breached, actor,
                measuredAt == null ? now : measuredAt, now));
        if (breached) {
            reading.led(triggerReevaluation(systemId, "MONITORING_BREACH", describe(reading)));
        }
        return reading;
    }

    @Transactional(readOnly = true)
    public Page<MonitoringReading> readingsOf(Long systemId, int size) {
        inventory.requireSystem(systemId);
        return readings.findBySystemIdOrderByRecordedAtDescIdDesc(systemId, PageRequest.of(0, size));
    }

    /**
     * Someone asks for a re-evaluation now: wakes the system's waiting re-evaluation, or starts one; refused (409)
     * for a system that has not passed V&V.
     */
    /** The command "request a re-evaluation now": why (the Tasklist start form's triggerDetail has the same rule). */
    public record ReevaluationRequest(@io.aimsgate.shared.MultiLine @jakarta.validation.constraints.NotBlank(
            message = "is required") @jakarta.validation.constraints.Size(min = 10, max = 2000,
                    message = "must be 10 to 2000 characters") String reason) {

        public ReevaluationRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    public MonitoringReading.Reevaluation requestReevaluation(Long systemId, ReevaluationRequest request,
            String actor) {
        String reason = io.aimsgate.shared.Commands.validate(request).reason();
        List<String> blockers = gates.entryBlockers(systemId, LifecycleGateKind.RE_EVALUATION);
        if (!blockers.isEmpty()) {
            throw new io.aimsgate.shared.ConflictException("systemId", "AI system " + systemId
                    + " cannot be re-evaluated now.", blockers);
        }
        return triggerReevaluation(systemId, "MANUAL", "Requested by " + actor + ": " + reason);
    }

    /** Wakes the system's waiting re-evaluation to re-assess now (as the platform); false when none waits. */
    public boolean wakeWatch(Long systemId, String trigger, String detail) {
        return engine.withoutUserAuthorization(() -> wakeWaitingReevaluation(systemId, trigger, detail));
    }

    private MonitoringReading.Reevaluation triggerReevaluation(Long systemId, String trigger, String detail) {
        // The platform wakes the waiting watch, as its timer would: the monitoring job that posted the reading may
        // start a re-evaluation but neither reads nor updates the running instances of others.
        boolean woken = engine.withoutUserAuthorization(() -> wakeWaitingReevaluation(systemId, trigger, detail));
        if (woken) {
            return MonitoringReading.Reevaluation.TRIGGERED;
        }
        if (!gates.entryBlockers(systemId, LifecycleGateKind.RE_EVALUATION).isEmpty()) {
            // A system not yet validated is not in operation: the reading is kept, nothing is re-evaluated.
            return MonitoringReading.Reevaluation.NOT_NEEDED;
        }
        if (gates.isInProgress(systemId, LifecycleGateKind.RE_EVALUATION)) {
            return MonitoringReading.Reevaluation.ALREADY_RUNNING;
        }
        runtimeService.createMessageCorrelation(MESSAGE_REEVALUATION_REQUESTED)
                .setVariable(SYSTEM_ID, systemId).setVariable(TRIGGER, trigger)
                .setVariable(TRIGGER_DETAIL, detail).correlateStartMessage();
        return MonitoringReading.Reevaluation.STARTED;
    }

    private boolean wakeWaitingReevaluation(Long systemId, String trigger, String detail) {
        List<Execution> waiting = runtimeService.createExecutionQuery()
                .processDefinitionKey(LifecycleGateKind.RE_EVALUATION.processKey())
                .messageEventSubscriptionName(MESSAGE_THRESHOLD_BREACHED)
                .processVariableValueEquals(SYSTEM_ID, systemId).list();
        if (waiting.isEmpty()) {
            return false;
        }
        Execution execution = waiting.get(0);
        // The woken instance starts a new gate run; it is opened here so the breach is its recorded trigger.
        LifecycleGate gate = gates.open(execution.getProcessInstanceId(), LifecycleGateKind.RE_EVALUATION,
                systemId, Actors.PLATFORM, trigger, detail);
        runtimeService.createMessageCorrelation(MESSAGE_THRESHOLD_BREACHED)
                .processInstanceId(execution.getProcessInstanceId())
                .setVariable(TRIGGER, trigger).setVariable(TRIGGER_DETAIL, detail)
                .setVariable(GATE_ID, gate.getId()).correlate();
        return true;
    }

    private static String describe(MonitoringReading reading) {
        return String.format(Locale.ROOT, "Monitoring reading %s = %.4f %s threshold %.4f (measured %s, posted by %s)",
                reading.getMetric(), reading.getValue(), reading.getBound() == MetricBound.MIN ? "below" : "at or above",
                reading.getThreshold(), reading.getMeasuredAt(), reading.getRecordedBy());
    }
}

interface MonitoringReadingRepository extends JpaRepository<MonitoringReading, Long> {

    Page<MonitoringReading> findBySystemIdOrderByRecordedAtDescIdDesc(Long systemId,
            org.springframework.data.domain.Pageable pageable);
}
