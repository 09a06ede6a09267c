package io.aimsgate.shared;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The webapps' engine API ({@code /camunda/api/engine}, used by Tasklist and Cockpit) is a JAX-RS application of
 * its own, separate from /engine-rest: without this it answered a gate rule's refusal (segregation of duties on
 * claim, complete or submit-form) with 500. Registered here, ahead of Camunda's webapp initializer (which keeps an
 * existing registration of the same name), with the same exception mappers as /engine-rest ({@link
 * EngineRestConfig}), so both answer a refusal with the same 4xx.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebappEngineApi implements ServletContextInitializer {

    /** The servlet name Camunda's webapp initializer uses (CamundaBpmWebappInitializer). */
    static final String SERVLET_NAME = "Engine Api";

    private final CamundaBpmProperties properties;

    WebappEngineApi(CamundaBpmProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (servletContext.getServletRegistration(SERVLET_NAME) != null) {
            return;
        }
        ServletRegistration.Dynamic registration = servletContext.addServlet(SERVLET_NAME, ServletContainer.class);
        registration.addMapping(properties.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setInitParameters(Map.of("jakarta.ws.rs.Application", Application.class.getName()));
    }

    /** Camunda's webapp engine API plus the gate-rule exception mappers. */
    public static class Application extends EngineRestApplication {

        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
            classes.add(EngineRestConfig.GateRuleExceptionMapper.class);
            classes.add(EngineRestConfig.GateRuleRestExceptionMapper.class);
            classes.add(EngineRestConfig.PlatformRuleExceptionMapper.class);
            return classes;
        }
    }
}
