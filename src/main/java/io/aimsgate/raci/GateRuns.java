package io.aimsgate.raci;

import java.util.List;
import java.util.Optional;

/**
 * A kind of gate tells the engine guard about its runs without the guard knowing the gate: which processes it runs,
 * whether a process instance has a run still open (no recorded decision yet), and every open run (for the
 * consistency check). Implemented by the deployment gate and the life-cycle gates.
 */
public interface GateRuns {

    /** An open gate run: its kind, id, process instance and what it is about (for messages and reports). */
    record OpenRun(String kind, Long runId, String processInstanceId, Long systemId, String subject) {
    }

    boolean runs(String processDefinitionKey);

    Optional<OpenRun> openRun(String processInstanceId);

    List<OpenRun> openRuns();

    /**
     * Who may never decide in this process instance's run: whoever submitted or started it, and whoever did its work.
     * The gate's own decision listener enforces it; the administrator's repair asks first to refuse clearly.
     */
    java.util.Set<String> excludedDeciders(String processInstanceId);
}
