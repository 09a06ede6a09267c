package io.aimsgate.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Slow clients cannot starve the server (docs/operations.md, "Slow clients"): with the connector's read and
 * keep-alive timeouts (server.tomcat.* in application.yml), a refused request's unread body is never waited for, and
 * unauthenticated body reads are limited in number.
 */
@Configuration
class SlowClientDefences {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodyValve() {
        return factory -> factory.addContextValves(new UnreadBodyValve());
    }

    @Bean
    FilterRegistrationBean<AnonymousBodyLimiter> anonymousBodyLimiter(
            @Value("${aims.security.anonymous-body-reads:16}") int permits) {
        FilterRegistrationBean<AnonymousBodyLimiter> registration =
                new FilterRegistrationBean<>(new AnonymousBodyLimiter(permits));
        registration.addUrlPatterns("/*");
        // After Spring Security (whose session login counts as authenticated), before the webapps read anything.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }
}
