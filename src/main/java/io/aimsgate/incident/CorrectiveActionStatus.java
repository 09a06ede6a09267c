package io.aimsgate.incident;

/** A corrective action's progress; the corrective-action process waits until all are DONE. */
public enum CorrectiveActionStatus {
    OPEN, IN_PROGRESS, DONE
}
