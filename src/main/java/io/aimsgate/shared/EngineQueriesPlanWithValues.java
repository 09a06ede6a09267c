package io.aimsgate.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every engine query (task, history, process instance and the other {@code Query} APIs, native queries, and the
 * filters Tasklist runs) is planned with its values on PostgreSQL ({@link PlanWithValues}); the engine's other
 * commands, and the rest of the transaction a query runs in, let PostgreSQL reuse generic plans. The interceptor runs inside the command's Spring transaction (a
 * "post" interceptor comes after the engine's transaction and command-context interceptors), for commands that
 * require a transaction and for those that start a new one.
 */
@Component
class EngineQueriesPlanWithValues extends AbstractProcessEnginePlugin {

    private final PlanWithValues planWithValues;

    EngineQueriesPlanWithValues(PlanWithValues planWithValues) {
        this.planWithValues = planWithValues;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withInterceptor(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withInterceptor(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> withInterceptor(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new QueriesPlanWithValues());
        return all;
    }

    static boolean isQuery(Command<?> command) {
        return command instanceof AbstractQuery || command instanceof AbstractNativeQuery
                || command instanceof AbstractExecuteFilterCmd;
    }

    private final class QueriesPlanWithValues extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (isQuery(command)) {
                return planWithValues.around(() -> next.execute(command));
            }
            return next.execute(command);
        }
    }
}
