package io.aimsgate.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.aimsgate.shared.ShortLivedCache;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for /api and /engine-rest against the same users as the Camunda webapps' login
 * (Camunda's identity service, with its own lock-out after failed attempts). Groups become
 * authorities named exactly like the group, so RACI roles read naturally in access rules.
 *
 * <p>A successful check is remembered for a few seconds ({@code aims.security.basic-auth-cache-ttl}, default 5 s;
 * 0 turns it off), because a CI/CD pipeline polling with Basic would otherwise cost a password check and a group
 * query per request. Only an HMAC of user and password under a key made at start-up is kept, never the password;
 * failed attempts are never cached, so the identity service still counts them towards its lock-out. A removed
 * user, a changed password or membership takes effect within that time (the Camunda webapps keep a login for
 * five minutes). The password check and the group query run in one engine command ({@link IdentityLookups}).
 */
@Component
@Profile("!keycloak")
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** The user's groups when the password is the user's, else null: {@link IdentityLookups}, in one transaction. */
    interface CredentialCheck {
        List<String> groupsIfPasswordMatches(String userId, String password);
    }

    private final CredentialCheck credentials;
    private final Optional<Cache<String, List<SimpleGrantedAuthority>>> verified;
    private final SecretKeySpec credentialKey;
    /** Checks under way, by fingerprint: requests with the same credentials wait for the one running. */
    private final ConcurrentHashMap<String, CompletableFuture<List<SimpleGrantedAuthority>>> checking =
            new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Autowired
    CamundaIdentityAuthenticationProvider(IdentityService identityService,
            @Value("${aims.security.basic-auth-cache-ttl:5s}") Duration timeToLive) {
        this(new IdentityLookups(identityService)::groupsIfPasswordMatches, timeToLive, Ticker.systemTicker());
    }

    CamundaIdentityAuthenticationProvider(CredentialCheck credentials, Duration timeToLive, Ticker ticker) {
        this.credentials = credentials;
        this.verified = ShortLivedCache.of(timeToLive, ticker);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.credentialKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        List<SimpleGrantedAuthority> authorities = verified.isPresent()
                ? remembered(verified.get(), fingerprint(userId, password), userId, password)
                : check(userId, password);
        if (authorities == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * The remembered authorities, else the check's. When a remembered check has lapsed, the first request checks
     * again and requests with the same credentials arriving meanwhile wait for its answer instead of each checking the
     * password themselves (at 64 polling connections that was every waiting request); a refused or failed check is
     * shared with no one, so every failed attempt still reaches the identity service and its lock-out.
     */
    private List<SimpleGrantedAuthority> remembered(Cache<String, List<SimpleGrantedAuthority>> cache,
            String fingerprint, String userId, String password) {
        List<SimpleGrantedAuthority> authorities = cache.getIfPresent(fingerprint);
        if (authorities != null) {
            return authorities;
        }
        CompletableFuture<List<SimpleGrantedAuthority>> mine = new CompletableFuture<>();
        CompletableFuture<List<SimpleGrantedAuthority>> running = checking.putIfAbsent(fingerprint, mine);
        if (running != null) {
            List<SimpleGrantedAuthority> shared = running.handle((checked, failure) -> checked).join();
            return shared != null ? shared : check(userId, password);
        }
        try {
            // A check that ended between the look-up above and taking the turn has left its answer here.
            authorities = cache.getIfPresent(fingerprint);
            if (authorities == null) {
                authorities = check(userId, password);
            }
            if (authorities != null) {
                cache.put(fingerprint, authorities);
            }
            mine.complete(authorities);
            return authorities;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(fingerprint, mine);
        }
    }

    /** The identity service's password check and the user's groups as authorities; null when refused. */
    private List<SimpleGrantedAuthority> check(String userId, String password) {
        List<String> groups = credentials.groupsIfPasswordMatches(userId, password);
        return groups == null ? null : groups.stream().map(SimpleGrantedAuthority::new).toList();
    }

    /** User and password bound together, so a cached entry never vouches for another password or user. */
    private String fingerprint(String userId, String password) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(userId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** A MAC under the start-up key, made once per request thread (looking up and keying one costs more than using it). */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(credentialKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
