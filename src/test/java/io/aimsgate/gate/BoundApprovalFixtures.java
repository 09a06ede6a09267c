package io.aimsgate.gate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerEntryView;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Stand-ins for what a bound approval needs in tests without tables: a ledger that numbers entries, a state. */
final class BoundApprovalFixtures {

    private BoundApprovalFixtures() {
    }

    /**
     * A ledger (a mock, to verify appends) that gives every entry its place at once (sequence 1) and hands it to the
     * caller's callback, as the real one does before the transaction commits.
     */
    static DecisionLedger ledger() {
        LedgerEntryView entry = new LedgerEntryView(1L, Instant.EPOCH, "platform", null, "GATE_PASSED", "GATE_RUN",
                "1", null, null, null, null, "{}", "0".repeat(64), "1".repeat(64));
        DecisionLedger ledger = mock(DecisionLedger.class);
        doAnswer(call -> {
            Consumer<LedgerEntryView> sequenced = call.getArgument(1);
            if (sequenced != null) {
                sequenced.accept(entry);
            }
            return null;
        }).when(ledger).append(any(), any());
        doCallRealMethod().when(ledger).append(any());
        return ledger;
    }

    /** Approvals that record what they are given (a real approval, not stored). */
    static DeploymentApprovals approvals() {
        DeploymentApprovals approvals = mock(DeploymentApprovals.class);
        when(approvals.record(any(), any(), any())).thenAnswer(call -> new DeploymentApproval(call.getArgument(0),
                call.getArgument(1), call.getArgument(2), Instant.EPOCH));
        return approvals;
    }

    /** States as the version is in now: a fixed artefact and nothing else; approvers of the run as asked. */
    static ApprovalStates states() {
        return stub(mock(ApprovalStates.class));
    }

    /** (Re)stubs a mock of the states with {@link #STATE}, approved by oscar as Accountable. */
    static ApprovalStates stub(ApprovalStates states) {
        org.mockito.Mockito.reset(states);
        when(states.current(any())).thenReturn(STATE);
        when(states.approvedIn(any(), any())).thenReturn(STATE.withApprovers(List.of(
                new ApprovalState.Approver("oscar", "ACCOUNTABLE", "deployment-approval", "task_accountable_approval"))));
        return states;
    }

    static final ApprovalState STATE = new ApprovalState(7L, 70L, "1.4.0", "ab".repeat(32), List.of(), List.of(),
            List.of(new ApprovalState.DecisionEntry("risk-severity", 1, "risk-severity:1:1")), List.of());
}
