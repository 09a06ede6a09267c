package io.aimsgate.gate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerEntryView;
import java.time.Instant;
import java.util.List;

/** Stand-ins for what a bound approval needs in tests without tables: a ledger that numbers entries, a state. */
final class BoundApprovalFixtures {

    private BoundApprovalFixtures() {
    }

    /** A ledger whose every append answers an entry (sequence 1). */
    static DecisionLedger ledger() {
        DecisionLedger ledger = mock(DecisionLedger.class);
        when(ledger.append(any())).thenReturn(new LedgerEntryView(1L, Instant.EPOCH, "platform", null, "GATE_PASSED",
                "GATE_RUN", "1", null, null, null, null, "{}", "0".repeat(64), "1".repeat(64)));
        return ledger;
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
