package io.aimsgate.supplier.internal;

import io.aimsgate.gate.GateRun;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.SupplierType;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A system's supplier vetting (A.10.3): /api/systems/{id}/supplier-assessments. Whether it needs a current passed
 * assessment, whether it has one and until when, what keeps it from the deployment gate, and every assessment run
 * with its due diligence. Assessments themselves run as the supplier-assessment process (Tasklist, engine REST).
 */
@RestController
class SupplierController {

    private final SupplierAssessments assessments;
    private final InventoryService inventory;

    SupplierController(SupplierAssessments assessments, InventoryService inventory) {
        this.assessments = assessments;
        this.inventory = inventory;
    }

    @Operation(summary = "Read a system's supplier assessments",
            description = "Whether the system is a third party's and so needs a current passed supplier assessment "
                    + "(ISO/IEC 42001 A.10.3) before its versions may enter the deployment gate; whether it has one and "
                    + "until when (the re-assessment interval); the reasons the deployment gate would give; and every "
                    + "run of the supplier-assessment gate with its status and due diligence.")
    @GetMapping("/api/systems/{systemId}/supplier-assessments")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    SupplierView get(@PathVariable Long systemId) {
        AiSystem system = inventory.requireSystem(systemId);
        SupplierAssessments.Standing standing = assessments.standing(system);
        List<AssessmentView> runs = assessments.runsOf(systemId).stream().map(this::view).toList();
        return new SupplierView(system.getId(), system.getName(), system.getSupplierType(), system.getSupplierName(),
                assessments.reassessmentInterval(), standing.required(), standing.current(), standing.currentUntil(),
                standing.unmet(), runs);
    }

    private AssessmentView view(GateRun run) {
        SupplierAssessment assessment = assessments.assessmentOf(run.getId()).orElse(null);
        return new AssessmentView(run.getId(), run.getProcessInstanceId(), run.getStatus().name(),
                run.getTriggerKind(), run.getTriggerDetail(), run.getStartedBy(), run.getStartedAt(),
                run.getDecidedBy(), run.getDecidedAt(), run.getOutcome(),
                assessment == null ? null : assessment.getSupplierName(),
                assessment == null ? null : assessment.getAssessedBy(),
                assessment == null ? null : assessment.getAssessedAt(),
                assessment == null ? null : assessment.getValidUntil(),
                assessment == null ? null : assessment.answers());
    }

    record SupplierView(Long systemId, String systemName, SupplierType supplierType, String supplierName,
            String reassessmentInterval, boolean assessmentRequired, boolean current, Instant currentUntil,
            List<String> deploymentPrerequisitesUnmet, List<AssessmentView> assessments) {
    }

    record AssessmentView(Long gateRunId, String processInstanceId, String status, String trigger,
            String triggerDetail, String startedBy, Instant startedAt, String decidedBy, Instant decidedAt,
            String outcome, String supplierName, String assessedBy, Instant assessedAt, Instant currentUntil,
            DueDiligence dueDiligence) {
    }
}
