package io.aimsgate.security;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Registers the deny-by-default allowlist of Camunda's APIs ({@link EngineApiAccessFilter}, in every profile) and
 * the refusal of non-normalised paths.
 */
@Configuration
class EngineApiGuards {

    @Bean
    FilterRegistrationBean<PathNormalisationFilter> pathNormalisation() {
        FilterRegistrationBean<PathNormalisationFilter> registration =
                new FilterRegistrationBean<>(new PathNormalisationFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineApiAccessFilter> engineApiAllowlist(ProcessEngine engine) {
        FilterRegistrationBean<EngineApiAccessFilter> registration =
                new FilterRegistrationBean<>(new EngineApiAccessFilter(engine));
        registration.setName("aims-engine-api-allowlist");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // After Spring Security (the API callers) and the engine/webapp authentication filters.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 20);
        return registration;
    }

    /** Spring Security's firewall refusals (the same kinds of paths) as 400 problem+json too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                "request-rejected", "Request rejected", "The request path or headers are not acceptable.",
                Map.of("field", "path"));
    }
}
