package io.aimsgate.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting, for every record a delegate or listener writes: the user the engine has authenticated (set from the
 * Spring Security login of the request), else the Spring Security user of the request, else the platform itself (a
 * timer, a job, a message the platform correlated). Never a name a client put into a variable or a body.
 */
public final class Actors {

    /** The one name the platform has in every record it writes when no user acted. */
    public static final String PLATFORM = "aims-gate-platform";

    private Actors() {
    }

    public static String acting(DelegateExecution execution) {
        return acting(execution.getProcessEngineServices().getIdentityService());
    }

    public static String acting(DelegateTask task) {
        return acting(task.getProcessEngineServices().getIdentityService());
    }

    /** The acting user inside an engine command without a delegate at hand, e.g. a service called by a listener. */
    public static String acting() {
        if (Context.getCommandContext() != null) {
            return acting(Context.getProcessEngineConfiguration().getIdentityService());
        }
        return springUser();
    }

    /** Whether a user (not the platform) is acting. */
    public static boolean isUser(String actor) {
        return actor != null && !PLATFORM.equals(actor);
    }

    private static String acting(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null && !authentication.getUserId().isBlank()) {
            return authentication.getUserId();
        }
        return springUser();
    }

    private static String springUser() {
        org.springframework.security.core.Authentication authentication = SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName()) && !authentication.getName().isBlank()) {
            return authentication.getName();
        }
        return PLATFORM;
    }
}
