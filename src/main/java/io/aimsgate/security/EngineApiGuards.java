package io.aimsgate.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
        // After Spring Security (the API callers; the webapps' login session is read from the session itself), and
        // before anything reads or validates the body (the form contract filter): deny by default comes first.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
        return registration;
    }

    /** The webapps' login takes a form; anything else is 415, not the webapp's 500. */
    @Bean
    FilterRegistrationBean<WebappLoginFormFilter> webappLoginForm() {
        FilterRegistrationBean<WebappLoginFormFilter> registration =
                new FilterRegistrationBean<>(new WebappLoginFormFilter());
        registration.addUrlPatterns(WebappLoginFormFilter.LOGIN_PREFIX + "*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 3);
        return registration;
    }
}
