package io.aimsgate.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the guards for the two unpatched Camunda 7.24 advisories ahead of everything else. */
@Configuration
class EngineAdvisoryGuards {

    @Bean
    FilterRegistrationBean<AdminSetupGuardFilter> adminSetupGuard(IdentityService identityService,
            @Value("${aims.security.first-run-setup:true}") boolean firstRunSetupAllowed) {
        FilterRegistrationBean<AdminSetupGuardFilter> registration =
                new FilterRegistrationBean<>(new AdminSetupGuardFilter(identityService, firstRunSetupAllowed));
        registration.addUrlPatterns(AdminSetupGuardFilter.SETUP_PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OrQueryExpressionGuardFilter> orQueryExpressionGuard() {
        FilterRegistrationBean<OrQueryExpressionGuardFilter> registration =
                new FilterRegistrationBean<>(new OrQueryExpressionGuardFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // After Spring Security (and before the engine): an anonymous request is refused before its body is read.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 4);
        return registration;
    }
}
