package io.aimsgate.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * The identity look-ups of the request path, each in one engine command (one database transaction). Through the
 * identity service's API a password check is one transaction, and every query two more: one to create it and one to
 * run it. The same provider answers (the engine's users and groups, or Keycloak's), with the same rules: the password
 * check is the identity service's own, lock-out after failed attempts included (a failed check still commits its
 * attempt count), and the queries run with the caller's engine authentication as the service's queries would.
 */
final class IdentityLookups {

    private final CommandExecutor executor;

    IdentityLookups(IdentityService identityService) {
        this.executor = ((ServiceImpl) identityService).getCommandExecutor();
    }

    /** The user's group ids when the password is the user's, as {@link IdentityService#checkPassword}; else null. */
    List<String> groupsIfPasswordMatches(String userId, String password) {
        return executor.execute(context -> Boolean.TRUE.equals(new CheckPassword(userId, password).execute(context))
                ? groupsOf(context, userId) : null);
    }

    /** The user's group ids when the identity service knows the user; else null. */
    List<String> groupsIfKnown(String userId) {
        return executor.execute(context -> context.getReadOnlyIdentityProvider().createUserQuery(context).userId(userId)
                .count() == 0 ? null : groupsOf(context, userId));
    }

    private static List<String> groupsOf(CommandContext context, String userId) {
        return context.getReadOnlyIdentityProvider().createGroupQuery(context).groupMember(userId).list().stream()
                .map(Group::getId).toList();
    }
}
