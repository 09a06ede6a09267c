package io.aimsgate.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Actuator (docs/security.md, "Actuator"): the health probes and info answer anyone; the Prometheus metrics only the
 * administrators and, with Keycloak, a client holding the {@code metrics} scope (the {@code aims-gate-monitoring}
 * service account Prometheus scrapes with); every other actuator path is refused.
 */
@Configuration
class ActuatorSecurityConfig {

    /** The Keycloak scope of the monitoring client, as Spring Security names it. */
    static final String METRICS_SCOPE = "SCOPE_metrics";

    @Bean
    @Order(0)
    @Profile("!keycloak")
    SecurityFilterChain basicActuatorChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfig.unauthorised("Basic realm=\"AIMS Gate\"");
        actuatorDefaults(http, entryPoint).httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    @Bean
    @Order(0)
    @Profile("keycloak")
    SecurityFilterChain bearerActuatorChain(HttpSecurity http,
            Converter<Jwt, AbstractAuthenticationToken> tokenConverter) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfig.unauthorised("Bearer realm=\"AIMS Gate\"");
        actuatorDefaults(http, entryPoint).oauth2ResourceServer(oauth -> oauth
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(SecurityConfig.forbidden())
                .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter)));
        return http.build();
    }

    private static HttpSecurity actuatorDefaults(HttpSecurity http, AuthenticationEntryPoint entryPoint)
            throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(get("/actuator/health"), get("/actuator/health/**"), get("/actuator/info"))
                        .permitAll()
                        .requestMatchers(get("/actuator/prometheus"))
                        .access((authentication, context) -> new AuthorizationDecision(
                                mayScrape(authentication.get())))
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(SecurityConfig.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    private static PathPatternRequestMatcher get(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, pattern);
    }

    /** Administrators, and the monitoring client; no RACI role reads the platform's metrics. */
    static boolean mayScrape(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(AccessRules.ADMIN_GROUP) || a.equals(METRICS_SCOPE));
    }
}
