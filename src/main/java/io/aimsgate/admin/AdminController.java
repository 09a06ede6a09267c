package io.aimsgate.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.shared.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's side: the gate consistency check and the administrator's recorded repairs. */
@RestController
@Validated
class AdminController {

    private final GateConsistency consistency;
    private final AdminRepairs repairs;
    private final CurrentUser currentUser;

    AdminController(GateConsistency consistency, AdminRepairs repairs, CurrentUser currentUser) {
        this.consistency = consistency;
        this.repairs = repairs;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Check that the gates and the engine are in step",
            description = "Lists every inconsistency between gate records and process instances (a version in review without a gate, an open run without a process, a task waiting in a closed run). Reads only.")
    @GetMapping("/api/admin/consistency")
    @PreAuthorize("hasAnyAuthority('camunda-admin', 'governance-board')")
    GateConsistency.Report consistency() {
        return consistency.check();
    }

    @Operation(summary = "Reassign a governed task (recorded repair)",
            description = "Gives a governed task to another user who may work it under every gate rule (candidate group, segregation of duties); the reason is recorded as an admin repair. The administrator repairs, never decides.")
    @PostMapping("/api/admin/tasks/{taskId}/reassign")
    @PreAuthorize("hasAuthority('camunda-admin')")
    RepairView reassign(@PathVariable @Pattern(regexp = "^[A-Za-z0-9-]{1,64}$", message = "is not a task id")
            String taskId, @Valid @RequestBody Reassignment body) {
        return RepairView.of(repairs.reassignTask(taskId, body.assignee(), body.reason(), currentUser.id()));
    }

    @Operation(summary = "List the recent admin repairs",
            description = "The last 100 recorded repairs (reassignments) with who, what and why, newest first.")
    @GetMapping("/api/admin/repairs")
    @PreAuthorize("hasAnyAuthority('camunda-admin', 'governance-board', 'auditors')")
    List<RepairView> recentRepairs() {
        return repairs.recent(100).stream().map(RepairView::of).toList();
    }

    record Reassignment(
            @NotBlank(message = "is required") @Size(max = 100)
            @Pattern(regexp = "^[a-zA-Z0-9][a-zA-Z0-9._@-]*$", message = "is not a user id") String assignee,
            @NotBlank(message = "is required") @Size(min = AdminRepairs.MIN_REASON, max = 2000,
                    message = "must be 10 to 2000 characters") String reason) {
    }

    record RepairView(Long id, AdminRepair.Operation operation, String taskId, String taskKey,
            String processInstanceId, String previousAssignee, String newAssignee, String reason, String repairedBy,
            Instant repairedAt) {

        static RepairView of(AdminRepair r) {
            return new RepairView(r.getId(), r.getOperation(), r.getTaskId(), r.getTaskKey(), r.getProcessInstanceId(),
                    r.getPreviousAssignee(), r.getNewAssignee(), r.getReason(), r.getRepairedBy(), r.getRepairedAt());
        }
    }
}
