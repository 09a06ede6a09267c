package io.aimsgate.gate;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What entering one kind of gate takes beyond opening its run: the feature that owns the gate contributes it (e.g.
 * the re-evaluation watch of operation), so the gate framework's first step ({@code openLifecycleGate}) stays the
 * same for every gate and knows no feature.
 */
public interface LifecycleGateEntry {

    LifecycleGateKind kind();

    /**
     * Before the run opens. Returns true when this instance ends here, without a run of its own (it handed its
     * request over to another instance); may refuse the entry with a {@code ConflictException}.
     */
    boolean handOver(DelegateExecution execution, Long systemId);

    /** After the run opened and the common variables are set. */
    void opened(DelegateExecution execution);
}
