package io.aimsgate.controls;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The controls register for other modules (internal audit, management review, reports): the 38 Annex A controls
 * with what the organisation recorded for each, and the approved Statement of Applicability.
 */
public interface Controls {

    /** Every control, in catalogue order (A.2.2 ... A.10.4). */
    List<ControlRecord> all();

    /** The controls recorded as applicable, in catalogue order. */
    List<ControlRecord> applicable();

    /** One control by its Annex A id (e.g. "A.6.2.4"), if the catalogue has it. */
    Optional<ControlRecord> find(String controlId);

    /** The owner recorded for the control, if any. */
    Optional<String> ownerOf(String controlId);

    /** The ids of the controls this user owns. */
    Set<String> ownedBy(String userId);

    /** The SoA version in force: the last APPROVED one, if any. */
    Optional<SoaVersion> approvedSoa();

    /** Records the organisation's decision on a control (PUT /api/controls/{controlId}); a ledger entry. */
    ControlRecord decide(String controlId, ControlDecision decision, String actor);

    /** Replaces the set of risks the control treats (PUT /api/controls/{controlId}/risks); a ledger entry. */
    ControlRecord treatRisks(String controlId, Set<Long> riskIds, String actor);
}
