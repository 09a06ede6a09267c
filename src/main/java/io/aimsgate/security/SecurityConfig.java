package io.aimsgate.security;

import io.aimsgate.shared.ProblemResponses;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. Embedded default: the APIs (/api, /engine-rest) take HTTP Basic and nothing
 * answers anonymously; the Camunda webapps keep their own login against the same identity service.
 * With the keycloak profile, {@link KeycloakSecurityConfig} replaces both chains. The authenticated user is bridged into the engine by Camunda's own
 * ProcessEngineAuthenticationFilter, so engine authorisation and task ownership use the real identity.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Path matchers independent of Spring MVC: /engine-rest is served by Camunda's Jersey servlet, which
     * an MVC-based matcher would not recognise (and the request would fall through to the webapp chain).
     */
    static final RequestMatcher API_PATHS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
            // The OpenAPI description of /api and Swagger UI: for logged-in users (docs/security.md).
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    @Bean
    @Order(1)
    @Profile("!keycloak")
    SecurityFilterChain basicApiChain(HttpSecurity http, IdentityService identityService) throws Exception {
        AuthenticationEntryPoint entryPoint = unauthorised("Basic realm=\"AIMS Gate\"");
        apiDefaults(http, entryPoint, identityService).httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /**
     * What both API chains share: every request authenticated, stateless, problem+json for 401/403. The
     * engine API additionally needs a RACI or admin group: a user outside every group, or a pipeline
     * client, gets nothing from the engine (our /api endpoints decide per endpoint). The evidence endpoints also
     * take a webapp user's session ({@link WebappSessionEvidenceAccess}), for the links in the Tasklist forms.
     */
    static HttpSecurity apiDefaults(HttpSecurity http, AuthenticationEntryPoint entryPoint,
            IdentityService identityService) throws Exception {
        return http.securityMatcher(API_PATHS)
                .addFilterBefore(new WebappSessionEvidenceAccess(identityService), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                        .access((authentication, context) -> new AuthorizationDecision(
                                AccessRules.holdsParticipantGroup(authentication.get())))
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic/bearer clients carry no cookies a third party could ride on.
                .csrf(csrf -> csrf.disable());
    }

    @Bean
    @Order(2)
    @Profile("!keycloak")
    SecurityFilterChain webappChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // Health probes, and the Camunda webapps, which authenticate users themselves
                        // (login page, session) against the same identity service.
                        .anyRequest().permitAll())
                // The Camunda webapps ship their own CSRF protection (X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * No Spring Security observations (filter chain, authentication, authorisation): nothing here exports their
     * traces, and the decorators they need wrap every filter of every request (docs/benchmarks.md). HTTP server
     * request metrics are unaffected.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Hands the Spring-authenticated user (and the groups the engine knows) to the engine per request. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter());
        registration.setName("aims-engine-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityEngineAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        // After Spring Security has authenticated the request.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    static AuthenticationEntryPoint unauthorised(String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorised", "Unauthorised",
                    "Authentication is required.", Map.of());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "You are not authorised to do this.", Map.of());
    }
}
