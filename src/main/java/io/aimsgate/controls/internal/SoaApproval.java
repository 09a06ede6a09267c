package io.aimsgate.controls.internal;

import io.aimsgate.controls.SoaVersion;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.InvalidInputException;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The soa-approval gate's steps, called by its delegates inside the engine's transaction: opening a run of the one
 * gate model (kind STATEMENT_OF_APPLICABILITY, no AI system) and freezing the register as a new SoA version, then
 * ending the run with the governance board's approval or the rejecting decision, and telling the Informed.
 */
@Service
@Transactional
class SoaApproval {

    static final String PROCESS_KEY = GateKind.STATEMENT_OF_APPLICABILITY.processKey();
    /** The RACI activity whose Informed groups hear of the outcome. */
    static final String APPROVAL_ACTIVITY = "soa-approval";
    static final int MIN_NOTE = 10;
    static final int MAX_NOTE = 2000;

    private final GateDecisions gates;
    private final SoaVersions versions;
    private final InformedParties informed;

    SoaApproval(GateDecisions gates, SoaVersions versions, InformedParties informed) {
        this.gates = gates;
        this.versions = versions;
        this.informed = informed;
    }

    /** Opens the run and freezes the version (both at most once per process instance). */
    SoaVersion open(String processInstanceId, String startedBy, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() < MIN_NOTE || text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "A note of " + MIN_NOTE + " to " + MAX_NOTE + " characters "
                    + "says what changed in this SoA version.");
        }
        String starter = startedBy == null ? Actors.PLATFORM : startedBy;
        GateRun run = gates.open(processInstanceId, GateKind.STATEMENT_OF_APPLICABILITY, null, starter, "MANUAL",
                text);
        return versions.freeze(processInstanceId, run.getId(), text, starter);
    }

    /** The board approved: the run PASSED in the name of its last Accountable decider, the version APPROVED. */
    SoaVersion approve(long versionId) {
        SoaVersion version = versions.require(versionId);
        GateDecision accountable = gates.lastAccountableDecision(version.gateRunId());
        gates.close(version.gateRunId(), GateRunStatus.PASSED, accountable.getDecidedBy(),
                accountable.getRationale());
        SoaVersion approved = versions.approve(versionId, accountable.getDecidedBy(), accountable.getRationale());
        tell(approved, "approved");
        return approved;
    }

    /** A reviewer or the board rejected: the run and the version REJECTED with the rejecting rationale. */
    SoaVersion reject(long versionId) {
        SoaVersion version = versions.require(versionId);
        GateDecision rejecting = gates.lastDecisionOf(version.gateRunId(), Set.of(GateDecisions.REJECT))
                .orElseThrow(() -> new IllegalStateException("SoA version " + versionId + " has no rejection"));
        gates.close(version.gateRunId(), GateRunStatus.REJECTED, rejecting.getDecidedBy(), rejecting.getRationale());
        SoaVersion rejected = versions.reject(versionId, rejecting.getDecidedBy(), rejecting.getRationale());
        tell(rejected, "rejected");
        return rejected;
    }

    private void tell(SoaVersion version, String outcome) {
        informed.tell(APPROVAL_ACTIVITY, "Statement of Applicability version " + version.versionNo() + " " + outcome,
                "Version " + version.versionNo() + " of the Statement of Applicability was " + outcome + ".\n"
                        + "Decided by: " + version.decidedBy() + "\nReason: " + version.decisionRationale()
                        + "\nApplicable controls: " + version.applicableEntries().size() + " of "
                        + version.entries().size() + "\nContent SHA-256: " + version.contentSha256()
                        + "\nSubmitted by " + version.submittedBy() + " at " + version.submittedAt() + ": "
                        + version.note());
    }
}
