package io.aimsgate.review;

import static io.aimsgate.review.ManagementReviewProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management reviews (clause 9.3) and the actions they decide: started by the quarterly timer or on demand, their
 * inputs compiled from the platform's records ({@link ReviewInputs}), concluded by the governance board as a gate run
 * of kind {@link GateKind#MANAGEMENT_REVIEW} (RACI routing, segregation of duties, ledger), each action a task for its
 * owner with a due date, reported at the next review.
 */
@Service
@Transactional
public class ManagementReviewService {

    /** At most this many actions per review; each on one line of the board's form. */
    public static final int MAX_ACTIONS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagementReviewRepository reviews;
    private final ReviewActionRepository actions;
    private final ReviewInputs inputs;
    private final GateDecisions gates;
    private final InformedParties informed;
    private final Clock clock;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PlatformEngineAccess engine;

    ManagementReviewService(ManagementReviewRepository reviews, ReviewActionRepository actions, ReviewInputs inputs,
            GateDecisions gates, InformedParties informed, Clock clock, @Lazy RuntimeService runtimeService,
            @Lazy IdentityService identityService, @Lazy PlatformEngineAccess engine) {
        this.reviews = reviews;
        this.actions = actions;
        this.inputs = inputs;
        this.gates = gates;
        this.informed = informed;
        this.clock = clock;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.engine = engine;
    }

    /** Starts a review on demand (the REST door; Tasklist starts the same process with its start form). */
    public ManagementReview startOnDemand(String reason) {
        String pid = runtimeService.startProcessInstanceByKey(KEY, Map.of(REASON, reason)).getId();
        return requireByProcess(pid);
    }

    /**
     * Opens the review's gate run and compiles its inputs for the period since the previous review started (three
     * months back for the first). Safe to run twice.
     */
    public ManagementReview open(String processInstanceId, String trigger, String actor, String reason) {
        return reviews.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            GateRun run = gates.open(processInstanceId, GateKind.MANAGEMENT_REVIEW, null, actor, trigger,
                    reason == null ? "Scheduled management review" : reason);
            // as precise as the database keeps it, so the next review's period starts exactly here
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant from = reviews.findAllByOrderByStartedAtDescIdDesc().stream().findFirst()
                    .map(ManagementReview::getStartedAt)
                    .orElse(now.atOffset(ZoneOffset.UTC).minusMonths(3).toInstant());
            Map<String, Object> compiled = inputs.compile(from, null);
            return reviews.save(new ManagementReview(processInstanceId, run.getId(), trigger, actor, now, from,
                    write(compiled)));
        });
    }

    /** A readable summary of the compiled inputs, for the board's form. */
    public String summary(ManagementReview review) {
        JsonNode in = inputs(review);
        StringBuilder text = new StringBuilder();
        text.append("Period from ").append(in.path("periodFrom").asText()).append("\n\n");
        JsonNode previous = in.path("previousActions");
        text.append("Actions of previous reviews: ").append(previous.path("total").asLong()).append(" (open ")
                .append(previous.path("open").asLong()).append(", overdue ").append(previous.path("overdue").asLong())
                .append(")\n");
        JsonNode changes = in.path("changesInIssues");
        text.append("Systems registered: ").append(changes.path("systemsRegistered").size())
                .append("; new high or critical risks: ").append(changes.path("newHighOrCriticalRisks").asLong())
                .append("; policies published: ").append(changes.path("policiesPublished").size()).append("\n");
        JsonNode performance = in.path("performance");
        text.append("Nonconformities raised: ").append(performance.at("/nonconformities/raisedInPeriod").asLong())
                .append(", open: ").append(performance.at("/nonconformities/open").asLong())
                .append("; corrective actions open: ").append(performance.at("/correctiveActions/open").asLong())
                .append(", overdue: ").append(performance.at("/correctiveActions/overdue").asLong()).append("\n");
        text.append("Monitoring breaches: ").append(performance.at("/monitoring/breachesInPeriod").asLong())
                .append("; audit findings: ")
                .append(performance.at("/auditResults/nonconformitiesFromAuditsInPeriod").asLong()).append("\n");
        for (JsonNode objective : performance.path("objectives")) {
            text.append("Objective ").append(objective.path("code").asText()).append(": ")
                    .append(objective.path("status").asText()).append("\n");
        }
        JsonNode incidents = in.path("incidents");
        text.append("Incidents reported: ").append(incidents.path("reportedInPeriod").asLong()).append(", open: ")
                .append(incidents.path("open").asLong()).append("\n\nOpportunities for improvement:\n");
        for (JsonNode opportunity : in.path("opportunitiesForImprovement")) {
            text.append("- ").append(opportunity.asText()).append("\n");
        }
        return text.toString();
    }

    /**
     * The board's conclusions and the actions it decided, one per line as {@code owner | YYYY-MM-DD | action}: each
     * owner a user, each due date today or later, each action named once. Refused (400, naming {@code actions})
     * otherwise, so nothing is half recorded.
     */
    public List<ReviewAction> conclude(String processInstanceId, String conclusions, String actionLines,
            String actor) {
        ManagementReview review = requireByProcess(processInstanceId);
        if (ManagementReview.CONCLUDED.equals(review.getStatus())) {
            return actions.findByReviewIdOrderById(review.getId());
        }
        List<ReviewAction> parsed = parseActions(review.getId(), actionLines);
        review.conclude(conclusions, actor, clock.instant());
        return actions.saveAll(parsed);
    }

    List<ReviewAction> parseActions(Long reviewId, String actionLines) {
        List<ReviewAction> parsed = new ArrayList<>();
        if (actionLines == null || actionLines.isBlank()) {
            return parsed;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> titles = new HashSet<>();
        int lineNumber = 0;
        for (String line : actionLines.split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3) {
                throw refused(lineNumber, "is not 'owner | YYYY-MM-DD | action'");
            }
            String owner = parts[0].strip();
            String title = parts[2].strip();
            LocalDate due;
            try {
                due = LocalDate.parse(parts[1].strip());
            } catch (DateTimeParseException e) {
                throw refused(lineNumber, "has no due date as YYYY-MM-DD");
            }
            if (due.isBefore(today)) {
                throw refused(lineNumber, "is due before today");
            }
            if (title.isEmpty() || title.length() > 500) {
                throw refused(lineNumber, "needs an action of 1 to 500 characters");
            }
            if (!titles.add(title)) {
                throw refused(lineNumber, "repeats an action");
            }
            if (!userExists(owner)) {
                throw refused(lineNumber, "names an owner who is not a user: " + owner);
            }
            parsed.add(new ReviewAction(reviewId, title, owner, due));
        }
        if (parsed.size() > MAX_ACTIONS) {
            throw new BadUserRequestException("'" + ACTIONS + "': at most " + MAX_ACTIONS + " actions per review");
        }
        return parsed;
    }

    private static BadUserRequestException refused(int line, String problem) {
        return new BadUserRequestException("'" + ACTIONS + "': line " + line + " " + problem);
    }

    private boolean userExists(String userId) {
        return !userId.isEmpty() && engine.withoutUserAuthorization(
                () -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    /** Records the review concluded in the name of the board member who concluded it and tells the Informed. */
    public ManagementReview record(String processInstanceId) {
        ManagementReview review = requireByProcess(processInstanceId);
        GateRun run = gates.require(review.getGateRunId());
        if (run.isOpen()) {
            GateDecision conclusion = gates.lastAccountableDecision(run.getId());
            gates.close(run.getId(), GateRunStatus.PASSED, conclusion.getDecidedBy(), conclusion.getRationale());
            List<ReviewAction> decided = actions.findByReviewIdOrderById(review.getId());
            StringBuilder body = new StringBuilder("Management review " + review.getId() + " concluded by "
                    + conclusion.getDecidedBy() + ".\n\nConclusions: " + review.getConclusions() + "\n\nActions:\n");
            decided.forEach(a -> body.append("- ").append(a.getTitle()).append(" (").append(a.getOwner())
                    .append(", due ").append(a.getDueDate()).append(")\n"));
            informed.tell(ACTIVITY, "Management review " + review.getId() + " concluded", body.toString());
        }
        return review;
    }

    /** The ids of the review's open actions, one task each. */
    @Transactional(readOnly = true)
    public List<Long> openActionIds(String processInstanceId) {
        return actions.findByReviewIdOrderById(requireByProcess(processInstanceId).getId()).stream()
                .filter(a -> ReviewAction.OPEN.equals(a.getStatus())).map(ReviewAction::getId).toList();
    }

    @Transactional(readOnly = true)
    public ReviewAction requireAction(Long actionId) {
        return actions.findById(actionId).orElseThrow(() -> new NotFoundException(ACTION_ID,
                "No management review action " + actionId + "."));
    }

    /** The owner reports the action done, with its outcome. */
    public ReviewAction completeAction(Long actionId, String outcome) {
        ReviewAction action = requireAction(actionId);
        if (ReviewAction.OPEN.equals(action.getStatus())) {
            action.done(outcome, clock.instant());
        }
        return action;
    }

    @Transactional(readOnly = true)
    public List<ManagementReview> all() {
        return reviews.findAllByOrderByStartedAtDescIdDesc();
    }

    @Transactional(readOnly = true)
    public ManagementReview require(Long reviewId) {
        return reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("reviewId",
                "No management review " + reviewId + "."));
    }

    @Transactional(readOnly = true)
    public ManagementReview requireByProcess(String processInstanceId) {
        return reviews.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new NotFoundException(
                "processInstanceId", "No management review runs in process instance " + processInstanceId + "."));
    }

    @Transactional(readOnly = true)
    public List<ReviewAction> actionsOf(ManagementReview review) {
        return actions.findByReviewIdOrderById(review.getId());
    }

    /** Refuses (409) an on-demand review while another one is still waiting for the board's conclusions. */
    @Transactional(readOnly = true)
    public void checkNoneAwaitingConclusions() {
        reviews.findAllByOrderByStartedAtDescIdDesc().stream()
                .filter(r -> ManagementReview.IN_PROGRESS.equals(r.getStatus())).findFirst().ifPresent(r -> {
                    throw new ConflictException("reviewId", "Management review " + r.getId() + " started "
                            + r.getStartedAt().truncatedTo(ChronoUnit.SECONDS) + " awaits the board's conclusions.");
                });
    }

    public static JsonNode inputs(ManagementReview review) {
        try {
            return JSON.readTree(review.getInputs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Inputs of management review " + review.getId() + " are not JSON", e);
        }
    }

    private static String write(Map<String, Object> compiled) {
        try {
            return JSON.writeValueAsString(compiled);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Review inputs cannot be written as JSON", e);
        }
    }
}
