package io.aimsgate.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the APIs (/api, /engine-rest) take HTTP Basic and nothing answers anonymously;
 * the Camunda webapps keep their own login (embedded default), which authenticates against the same
 * identity service. The authenticated user is bridged into the engine by Camunda's own
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
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"));

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorised()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorised()).accessDeniedHandler(forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic/bearer clients carry no cookies a third party could ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
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

    /** Hands the Spring-authenticated user (and the groups the engine knows) to the engine per request. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("aims-engine-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        // After Spring Security has authenticated the request.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    private static AuthenticationEntryPoint unauthorised() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"AIMS Gate\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorised", "Unauthorised",
                    "Authentication is required.", Map.of());
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "You are not authorised to do this.", Map.of());
    }
}
