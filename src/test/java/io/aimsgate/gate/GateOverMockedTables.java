package io.aimsgate.gate;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.risk.RiskAssessmentService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real {@link DeploymentGateService} and {@link GateDecisions} over Mockito tables: a delegate test then checks
 * what the production service does with what the tables hold, not what a stub was told to answer.
 */
final class GateOverMockedTables {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    final DeploymentRequestRepository requests = mock(DeploymentRequestRepository.class);
    final GateRunRepository runs = mock(GateRunRepository.class);
    final GateDecisionRepository decisionTable = mock(GateDecisionRepository.class);
    final InventoryService inventory = mock(InventoryService.class);
    final List<Object> published = new ArrayList<>();
    final DeploymentGateService service;

    GateOverMockedTables() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GateDecisions decisions = new GateDecisions(runs, decisionTable, published::add, clock,
                BoundApprovalFixtures.ledger());
        service = new DeploymentGateService(requests, decisions, mock(GateEventRepository.class), inventory,
                mock(RiskAssessmentService.class), List.of(), List.of(), mock(InformedParties.class),
                published::add, mock(io.aimsgate.evidence.RequiredEvidence.class), clock,
                mock(io.aimsgate.shared.ledger.DecisionLedger.class), BoundApprovalFixtures.states(),
                BoundApprovalFixtures.approvals());
    }

    /** Request {@code id} of {@code processInstanceId}, in review, with its open run of the same id. */
    GateRun inReview(long id, String processInstanceId, String submitter) {
        DeploymentRequest request = DelegateExecutions.request(id, processInstanceId, submitter, false);
        GateRun run = new GateRun(7L, GateKind.DEPLOYMENT, processInstanceId, submitter, null, null, NOW);
        when(requests.findById(id)).thenReturn(Optional.of(request));
        when(requests.findByProcessInstanceId(processInstanceId)).thenReturn(Optional.of(request));
        when(runs.findById(id)).thenReturn(Optional.of(run));
        return run;
    }

    /** The run's recorded decisions. */
    void recorded(long runId, GateDecision... decisions) {
        when(decisionTable.findByRun(runId)).thenReturn(List.of(decisions));
    }

    static GateDecision decision(long runId, String taskKey, RaciRole role, String decision, String by) {
        return new GateDecision(runId, "t-" + taskKey, taskKey, "deployment-approval", role, decision,
                "A rationale long enough.", by, NOW);
    }

    DeploymentRequest request(long id) {
        return requests.findById(id).orElseThrow();
    }
}
