package io.aimsgate.gate;

import io.aimsgate.inventory.LifecycleStage;
import java.util.Arrays;
import java.util.Optional;

/** The life-cycle gates run as BPMN, each with its process key and the stage a passed gate records. */
public enum LifecycleGateKind {
    INCEPTION("inception", LifecycleStage.INCEPTION),
    DESIGN_AND_DEVELOPMENT("design-development", LifecycleStage.DESIGN_AND_DEVELOPMENT),
    VERIFICATION_AND_VALIDATION("verification-validation", LifecycleStage.VERIFICATION_AND_VALIDATION),
    RE_EVALUATION("re-evaluation", LifecycleStage.RE_EVALUATION),
    RETIREMENT("retirement", LifecycleStage.RETIREMENT);

    private final String processKey;
    private final LifecycleStage stage;

    LifecycleGateKind(String processKey, LifecycleStage stage) {
        this.processKey = processKey;
        this.stage = stage;
    }

    public String processKey() {
        return processKey;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public static Optional<LifecycleGateKind> ofProcessKey(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
    }
}
