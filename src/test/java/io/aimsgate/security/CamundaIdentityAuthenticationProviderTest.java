package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
}
