package io.aimsgate.gate;

import io.aimsgate.raci.GateRuns;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The gate runs of every kind for the engine guard and the consistency check: a run IN_PROGRESS is open. */
@Component
@Transactional(readOnly = true)
class GateRunsOfEveryKind implements GateRuns {

    private final GateDecisions decisions;

    GateRunsOfEveryKind(GateDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public boolean runs(String processDefinitionKey) {
        return GateKind.ofProcessKey(processDefinitionKey).isPresent();
    }

    @Override
    public Optional<OpenRun> openRun(String processInstanceId) {
        return decisions.openRunOf(processInstanceId).map(GateRunsOfEveryKind::view);
    }

    @Override
    public List<OpenRun> openRuns() {
        return decisions.openRuns().stream().map(GateRunsOfEveryKind::view).toList();
    }

    @Override
    public Set<String> excludedDeciders(String processInstanceId) {
        return decisions.openRunOf(processInstanceId).map(run -> decisions.excludedDeciders(run.getId()))
                .orElse(Set.of());
    }

    private static OpenRun view(GateRun run) {
        return new OpenRun(run.getKind().name(), run.getId(), run.getProcessInstanceId(), run.getSystemId(),
                "the " + run.getKind().label() + " gate run " + run.getId());
    }
}
