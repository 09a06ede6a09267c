package io.aimsgate.review.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.review.ManagementReview;
import io.aimsgate.review.ManagementReviewService;
import io.aimsgate.review.ReviewAction;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.MultiLine;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management reviews over /api/management-reviews (clause 9.3). */
@RestController
@RequestMapping("/api/management-reviews")
class ManagementReviewController {

    private final ManagementReviewService reviews;
    private final GateDecisions gates;

    ManagementReviewController(ManagementReviewService reviews, GateDecisions gates) {
        this.reviews = reviews;
        this.gates = gates;
    }

    /** Why a review is held now, outside its quarterly schedule. */
    record ReviewRequest(@MultiLine @NotBlank(message = "is required") @Size(max = 2000) String reason) {

        ReviewRequest {
            reason = reason == null ? null : reason.strip();
        }
    }

    @Operation(summary = "List the management reviews",
            description = "Every management review, newest first: how it started (SCHEDULED by the quarterly timer "
                    + "or ON_DEMAND), its status, who concluded it and how many actions it decided.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    List<ReviewSummary> list() {
        return reviews.all().stream().map(r -> new ReviewSummary(r.getId(), r.getTriggerKind(), r.getStartedBy(),
                r.getStartedAt(), r.getStatus(), r.getConcludedBy(), r.getConcludedAt(),
                reviews.actionsOf(r).size())).toList();
    }

    @Operation(summary = "Start a management review now",
            description = "Starts the management-review process on demand with a reason: the platform compiles the "
                    + "inputs of ISO/IEC 42001 clause 9.3.2 from its own records since the previous review (actions "
                    + "of previous reviews, changes in issues, nonconformities and corrective actions, monitoring, "
                    + "audit results, objectives, incidents, opportunities for improvement) and the governance "
                    + "board gets the task to record its conclusions and actions. Refused (409) while another review "
                    + "awaits the board's conclusions.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('governance-board', 'ai-product-owners')")
    @Transactional
    ReviewView start(@RequestBody ReviewRequest request) {
        Commands.validate(request);
        reviews.checkNoneAwaitingConclusions();
        return view(reviews.startOnDemand(request.reason()));
    }

    @Operation(summary = "Read a management review",
            description = "The review's compiled inputs, the board's conclusions and decision, and its actions with "
                    + "owner, due date, status and outcome.")
    @GetMapping("/{reviewId}")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    ReviewView get(@PathVariable Long reviewId) {
        return view(reviews.require(reviewId));
    }

    private ReviewView view(ManagementReview review) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        List<ActionView> actions = reviews.actionsOf(review).stream().map(a -> view(a, today)).toList();
        List<DecisionView> decisions = review.getGateRunId() == null ? List.of()
                : gates.decisionsOf(review.getGateRunId()).stream().map(d -> new DecisionView(d.getTaskKey(),
                        d.getDecision(), d.getDecidedBy(), d.getDecidedAt())).toList();
        return new ReviewView(review.getId(), review.getProcessInstanceId(), review.getGateRunId(),
                review.getTriggerKind(), review.getStartedBy(), review.getStartedAt(), review.getPeriodFrom(),
                review.getStatus(), ManagementReviewService.inputs(review), review.getConclusions(),
                review.getConcludedBy(), review.getConcludedAt(), decisions, actions);
    }

    private static ActionView view(ReviewAction a, LocalDate today) {
        return new ActionView(a.getId(), a.getTitle(), a.getOwner(), a.getDueDate(), a.getStatus(), a.isOverdue(today),
                a.getOutcome(), a.getCompletedAt());
    }

    record ReviewSummary(Long id, String trigger, String startedBy, Instant startedAt, String status,
            String concludedBy, Instant concludedAt, int actions) {
    }

    record ReviewView(Long id, String processInstanceId, Long gateRunId, String trigger, String startedBy,
            Instant startedAt, Instant periodFrom, String status, JsonNode inputs, String conclusions,
            String concludedBy, Instant concludedAt, List<DecisionView> decisions, List<ActionView> actions) {
    }

    record DecisionView(String taskKey, String decision, String decidedBy, Instant decidedAt) {
    }

    record ActionView(Long id, String title, String owner, LocalDate dueDate, String status, boolean overdue,
            String outcome, Instant completedAt) {
    }
}
