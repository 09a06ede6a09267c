package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.NativeTaskQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.junit.jupiter.api.Test;

/** Which engine commands are planned with their values on PostgreSQL (the behaviour: PostgresProfileTest). */
class EngineQueriesPlanWithValuesTest {

    @Test
    void queriesNativeQueriesAndFiltersArePlannedWithTheirValues() {
        assertThat(EngineQueriesPlanWithValues.isQuery(new TaskQueryImpl())).isTrue();
        assertThat(EngineQueriesPlanWithValues.isQuery(new HistoricTaskInstanceQueryImpl())).isTrue();
        assertThat(EngineQueriesPlanWithValues.isQuery(new ProcessInstanceQueryImpl())).isTrue();
        assertThat(EngineQueriesPlanWithValues.isQuery(new NativeTaskQueryImpl((org.camunda.bpm.engine.impl.interceptor.CommandExecutor) null))).isTrue();
        assertThat(EngineQueriesPlanWithValues.isQuery(new ExecuteFilterCountCmd("filter"))).isTrue();
        assertThat(EngineQueriesPlanWithValues.isQuery(new ExecuteFilterListPageCmd("filter", 0, 15))).isTrue();
    }

    @Test
    void otherCommandsKeepPlanCaching() {
        assertThat(EngineQueriesPlanWithValues.isQuery(new CompleteTaskCmd("task", null))).isFalse();
        assertThat(EngineQueriesPlanWithValues.isQuery(new GetTaskFormVariablesCmd("task", null, false))).isFalse();
    }
}
