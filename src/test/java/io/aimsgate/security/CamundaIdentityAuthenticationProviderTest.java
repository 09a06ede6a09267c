package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class);
    private final GroupQuery groups = mock(GroupQuery.class);
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void users() {
        when(identity.checkPassword(anyString(), anyString())).thenReturn(false);
        when(identity.checkPassword("olivia", "demo")).thenReturn(true);
        when(identity.checkPassword("mia", "demo")).thenReturn(true);
        Group owners = mock(Group.class);
        when(owners.getId()).thenReturn("ai-product-owners");
        when(identity.createGroupQuery()).thenReturn(groups);
        when(groups.groupMember(anyString())).thenReturn(groups);
        when(groups.list()).thenReturn(List.of(owners));
    }

    private CamundaIdentityAuthenticationProvider provider(Duration timeToLive) {
        // What IdentityLookups does in one engine command: the identity service's password check, then the groups.
        return new CamundaIdentityAuthenticationProvider((user, password) -> identity.checkPassword(user, password)
                ? identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList() : null,
                timeToLive, nanos::get);
    }

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsRememberedBrieflyWithTheGroups() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(5));
        Authentication first = provider.authenticate(basic("olivia", "demo"));
        Authentication second = provider.authenticate(basic("olivia", "demo"));
        assertThat(second.getName()).isEqualTo("olivia");
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).map(GrantedAuthority::getAuthority).containsExactly("ai-product-owners");
        assertThat(first.getAuthorities()).isEqualTo(second.getAuthorities());
        verify(identity, times(1)).checkPassword("olivia", "demo");
        verify(identity, times(1)).createGroupQuery();
    }

    @Test
    void anotherPasswordOrUserIsCheckedAgain() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(5));
        provider.authenticate(basic("olivia", "demo"));
        assertThatThrownBy(() -> provider.authenticate(basic("olivia", "demo2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(basic("mia", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(basic("mia", "demo")).getName()).isEqualTo("mia");
        verify(identity).checkPassword("olivia", "demo2");
        verify(identity).checkPassword("mia", "wrong");
        verify(identity).checkPassword("mia", "demo");
    }

    @Test
    void failedAttemptsAlwaysReachTheIdentityServiceSoItsLockOutCounts() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(5));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> provider.authenticate(basic("olivia", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        verify(identity, times(3)).checkPassword("olivia", "guess");
    }

    @Test
    void aRememberedCheckExpiresSoAChangedPasswordOrMembershipCounts() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(5));
        provider.authenticate(basic("olivia", "demo"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5) + 1);
        when(identity.checkPassword("olivia", "demo")).thenReturn(false); // password changed meanwhile
        assertThatThrownBy(() -> provider.authenticate(basic("olivia", "demo")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void zeroChecksEveryRequest() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ZERO);
        provider.authenticate(basic("olivia", "demo"));
        provider.authenticate(basic("olivia", "demo"));
        verify(identity, times(2)).checkPassword("olivia", "demo");
    }

    @Test
    void blankUserOrMissingPasswordIsRefusedWithoutALookUp() {
        CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(5));
        assertThatThrownBy(() -> provider.authenticate(basic(" ", "demo"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(basic("olivia", null)))
                .isInstanceOf(BadCredentialsException.class);
        verify(identity, times(0)).checkPassword(anyString(), anyString());
    }

    /** Requests with the same credentials while their remembered check is being renewed: one password check. */
    @Test
    void concurrentRequestsOfALapsedCheckCheckThePasswordOnce() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider((user, password) -> {
            checks.incrementAndGet();
            await(release.get());
            return "demo".equals(password) ? List.of("ai-product-owners") : null;
        }, Duration.ofSeconds(5), nanos::get);
        List<Authentication> answers = concurrently(16, () -> provider.authenticate(basic("olivia", "demo")), checks,
                release.get());
        assertThat(checks).hasValue(1);
        assertThat(answers).hasSize(16).allSatisfy(a -> assertThat(a.getAuthorities())
                .map(GrantedAuthority::getAuthority).containsExactly("ai-product-owners"));
        // Lapsed again: the next wave checks once more, once.
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5) + 1);
        release.set(new CountDownLatch(1));
        concurrently(16, () -> provider.authenticate(basic("olivia", "demo")), checks, release.get());
        assertThat(checks).hasValue(2);
    }

    /** A refused password is shared with no one: every concurrent failed attempt reaches the identity service. */
    @Test
    void concurrentFailedAttemptsAreEachChecked() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider((user, password) -> {
            checks.incrementAndGet();
            await(release);
            return null;
        }, Duration.ofSeconds(5), nanos::get);
        List<Object> answers = concurrently(8, () -> {
            try {
                return provider.authenticate(basic("olivia", "guess"));
            } catch (BadCredentialsException refused) {
                return refused;
            }
        }, checks, release);
        assertThat(answers).hasSize(8).allSatisfy(a -> assertThat(a).isInstanceOf(BadCredentialsException.class));
        assertThat(checks).hasValue(8);
    }

    /** Runs n calls at once; once the first check has started, gives the others time to arrive, then releases it. */
    private static <T> List<T> concurrently(int n, Callable<T> call, AtomicInteger checks, CountDownLatch release)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            int before = checks.get();
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    checks.get() == before && System.nanoTime() < deadline; ) {
                Thread.sleep(5);
            }
            Thread.sleep(300);
            release.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(10, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
