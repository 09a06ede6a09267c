package io.aimsgate.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated user of a request into the log context ({@code user}) for every line logged while it is
 * served; the engine adds {@code processInstanceId}, {@code processDefinitionId} and {@code activityId} itself while
 * it executes a process. Structured JSON logs carry both as fields.
 */
@Configuration
class RequestLogContext {

    static final String USER = "user";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLogContextFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new UserInLogContext());
        registration.setName("aims-request-log-context");
        registration.addUrlPatterns("/*");
        // After Spring Security has authenticated the request.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    static final class UserInLogContext extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String user = authentication == null || authentication instanceof AnonymousAuthenticationToken
                    || !authentication.isAuthenticated() ? null : authentication.getName();
            if (user == null && request.getUserPrincipal() != null) {
                user = request.getUserPrincipal().getName();
            }
            if (user == null) {
                chain.doFilter(request, response);
                return;
            }
            MDC.put(USER, user);
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(USER);
            }
        }
    }
}
