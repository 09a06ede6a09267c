package io.aimsgate.shared;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs an engine read on behalf of the platform itself, not the calling user: e.g. whether a business
 * owner exists, or which risk-appetite table is deployed. Engine authorisation stays on for everything
 * a user asks of the engine directly; these reads only feed our own checks.
 */
@Component
public class EngineSystemCalls {

    private final ProcessEngineConfigurationImpl configuration;

    EngineSystemCalls(ProcessEngine processEngine) {
        this.configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    public <T> T withoutUserAuthorization(Supplier<T> read) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            boolean enabled = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return read.get();
            } finally {
                if (enabled) {
                    context.enableAuthorizationCheck();
                }
            }
        });
    }
}
