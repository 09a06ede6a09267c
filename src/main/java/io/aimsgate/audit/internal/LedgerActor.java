package io.aimsgate.audit.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who a ledger entry names: the user Spring Security authenticated for this request, else the user the engine
 * runs the command for (the webapps, a job started by a user's call), else the platform itself (timers, the job
 * executor, start-up). Never a name from a request body.
 */
@Component
class LedgerActor {

    private final ObjectProvider<IdentityService> identityService;
    private final String platform;

    LedgerActor(ObjectProvider<IdentityService> identityService,
            @Value("${aims.audit.platform-actor:${spring.application.name:aims-gate}}") String platform) {
        this.identityService = identityService;
        this.platform = platform;
    }

    String current() {
        org.springframework.security.core.Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
                && user.getName() != null && !user.getName().isBlank()) {
            return user.getName();
        }
        IdentityService identity = identityService.getIfAvailable();
        Authentication engineUser = identity == null ? null : identity.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null && !engineUser.getUserId().isBlank()) {
            return engineUser.getUserId();
        }
        return platform;
    }
}
