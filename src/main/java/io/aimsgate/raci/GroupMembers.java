package io.aimsgate.raci;

import io.aimsgate.shared.PlatformEngineAccess;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail addresses of a group's members, from the engine's identity service (its own users in {@code demo} and
 * {@code postgres}, Keycloak users with the {@code keycloak} profile).
 */
@Component
public class GroupMembers {

    private static final Logger log = LoggerFactory.getLogger(GroupMembers.class);

    private final PlatformEngineAccess engine;
    private final IdentityService identityService;

    GroupMembers(PlatformEngineAccess engine, IdentityService identityService) {
        this.engine = engine;
        this.identityService = identityService;
    }

    /**
     * Members without an e-mail address, or with one that is not a valid address, are skipped. Runs in a transaction
     * of its own: it is called after the decision's transaction has committed, and a failing identity provider
     * (Keycloak unreachable) must roll back nothing but this read.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public List<String> emailAddresses(String group) {
        // Read on behalf of the platform: the deciding user need not be allowed to list the group's members.
        List<User> members = engine.withoutUserAuthorization(
                () -> identityService.createUserQuery().memberOfGroup(group).list());
        Set<String> addresses = new LinkedHashSet<>();
        for (User member : members) {
            String email = member.getEmail();
            if (email == null || email.isBlank()) {
                continue;
            }
            try {
                new InternetAddress(email.strip(), true);
                addresses.add(email.strip());
            } catch (AddressException e) {
                log.warn("Skipping member {} of group {}: invalid e-mail address '{}'", member.getId(), group, email);
            }
        }
        return List.copyOf(addresses);
    }

    /** The user's valid e-mail address, if the user exists and has one (empty list otherwise). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public List<String> emailAddressOf(String userId) {
        User user = engine.withoutUserAuthorization(() -> identityService.createUserQuery().userId(userId)
                .singleResult());
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return List.of();
        }
        try {
            new InternetAddress(user.getEmail().strip(), true);
            return List.of(user.getEmail().strip());
        } catch (AddressException e) {
            log.warn("User {} has an invalid e-mail address '{}'", userId, user.getEmail());
            return List.of();
        }
    }
}
