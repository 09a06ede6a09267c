package io.aimsgate.objectives.internal;

import io.aimsgate.objectives.NewObjective;
import io.aimsgate.objectives.ObjectiveService;
import io.aimsgate.objectives.ObjectiveView;
import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The AI objectives of the management system over /api/objectives (clause 6.2). */
@RestController
@RequestMapping("/api/objectives")
class ObjectiveController {

    private final ObjectiveService objectives;
    private final CurrentUser currentUser;

    ObjectiveController(ObjectiveService objectives, CurrentUser currentUser) {
        this.objectives = objectives;
        this.currentUser = currentUser;
    }

    @Operation(summary = "List the AI objectives with their status now and over time",
            description = "Every AI objective (ISO/IEC 42001 clause 6.2) with its metric, target, owner and due date, "
                    + "the value the platform computes from its own records now (with the sample it was taken over), "
                    + "its status (MET, NOT_MET, MISSED after the due date, NO_DATA) and one snapshot per day.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    List<ObjectiveView> list() {
        return objectives.current();
    }

    @Operation(summary = "Read one AI objective",
            description = "The objective with its current value and status and its daily snapshots.")
    @GetMapping("/{code}")
    @PreAuthorize("@access.isParticipant()")
    ObjectiveView get(@PathVariable String code) {
        return objectives.current(code);
    }

    @Operation(summary = "Set an AI objective",
            description = "A measurable objective: a metric the platform computes (share of high-risk deployments "
                    + "with an approved impact assessment, median days from incident report to containment, share of "
                    + "model versions meeting their fairness thresholds at verification and validation), AT_LEAST or "
                    + "AT_MOST a target, an owner (a user) and a due date. Its first snapshot is recorded at once.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('governance-board', 'ai-product-owners')")
    ObjectiveView create(@RequestBody NewObjective command) {
        return objectives.create(command, currentUser.id());
    }
}
