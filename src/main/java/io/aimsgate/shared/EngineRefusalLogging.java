package io.aimsgate.shared;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs every failed command (ENGINE-16004) with its stack trace at ERROR, unless the exception is one of
 * its own client errors (BadUserRequestException, AuthorizationException, OptimisticLockingException: DEBUG). A gate
 * rule refusing a task completion (ForbiddenException, InvalidInputException, ConflictException, a segregation of
 * duties violation, possibly wrapped by the engine) is a client error too: it is logged at DEBUG like the engine's
 * own, and the REST layer writes the one INFO line with the reason ({@link Refusals}). Real faults keep ERROR and
 * their stack trace.
 */
@Component
class EngineRefusalLogging extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new RefusalAwareCommandContext(processEngineConfiguration);
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    static final class RefusalAwareCommandContext extends CommandContext {

        RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || Refusals.find(exception) != null;
        }
    }
}
