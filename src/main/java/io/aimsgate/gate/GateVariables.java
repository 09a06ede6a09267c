package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;

/** The typed variables every life-cycle gate process carries (names in {@link LifecycleDecisions}). */
public final class GateVariables {

    public static final ProcessVariable<Long> SYSTEM_ID = ProcessVariable.id(LifecycleDecisions.SYSTEM_ID);
    public static final ProcessVariable<Long> GATE_ID = ProcessVariable.id(LifecycleDecisions.GATE_ID);
    public static final ProcessVariable<String> TRIGGER_DETAIL = ProcessVariable.text(LifecycleDecisions.TRIGGER_DETAIL);

    private GateVariables() {
    }
}
