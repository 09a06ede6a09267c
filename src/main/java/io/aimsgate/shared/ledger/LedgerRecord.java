package io.aimsgate.shared.ledger;

import java.util.Map;

/**
 * What a feature appends to the ledger: the kind of decision (e.g. {@code GATE_APPROVED}), the role the actor held
 * for it, its subject, the rationale, the engine's process instance and task, and a compact snapshot of what was
 * decided (JSON-serialisable values: strings, numbers, booleans, lists, maps, dates). {@code systemId} is the AI
 * system the decision belongs to, if any (it selects the entries of an evidence pack).
 */
public record LedgerRecord(String kind, String actorRole, String subjectType, String subjectId, Long systemId,
        String rationale, String processInstanceId, String taskId, Map<String, Object> snapshot) {
}
