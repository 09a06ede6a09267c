package io.aimsgate.shared;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Acts on the engine as the platform itself, not the calling user: reads (e.g. whether a business
 * owner exists, which risk-appetite table is deployed) and writes the platform makes on its own account.
 * Engine authorisation stays on for everything a user asks of the engine directly.
 */
@Component
public class PlatformEngineAccess {

    private final ProcessEngineConfigurationImpl configuration;
    private final IdentityService identityService;

    PlatformEngineAccess(ProcessEngine processEngine) {
        this.configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.identityService = processEngine.getIdentityService();
    }

    /**
     * Both switches are needed: the command context's check covers the engine's own queries, while identity
     * providers such as the Keycloak plugin consult only whether a user is authenticated.
     */
    public <T> T withoutUserAuthorization(Supplier<T> read) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
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
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
