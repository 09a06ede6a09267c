package io.aimsgate.forms;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The form contracts: one registry, the engine plugin that enforces it, and the filter on both engine APIs. */
@Configuration
class FormContractConfig {

    @Bean
    FormContracts formContracts() {
        return new FormContracts();
    }

    @Bean
    FormContractPlugin formContractPlugin(FormContracts contracts) {
        return new FormContractPlugin(contracts);
    }

    /**
     * After Spring Security (anonymous requests get 401 first) and before the engine authentication filter, on
     * our engine REST API and the webapps'.
     */
    @Bean
    FilterRegistrationBean<EngineFormContractFilter> engineFormContractFilter(@Lazy ProcessEngine engine,
            FormContracts contracts) {
        FilterRegistrationBean<EngineFormContractFilter> registration =
                new FilterRegistrationBean<>(new EngineFormContractFilter(engine, contracts));
        registration.setName("aims-engine-form-contract");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }
}
