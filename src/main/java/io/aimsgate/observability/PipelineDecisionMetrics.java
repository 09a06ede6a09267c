package io.aimsgate.observability;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the pipeline check's answers (a CI/CD pipeline asking whether a model version may ship): {@code approved}
 * (200), {@code blocked} (409: no current approval), {@code unknown} (404: no such system or version) and
 * {@code refused} (any other answer, e.g. 400, 401, 403).
 */
@Configuration
class PipelineDecisionMetrics implements WebMvcConfigurer {

    static final String PIPELINE_CHECK = "/api/systems/*/versions/*/deployment-decision";

    private final GovernanceMetrics metrics;

    PipelineDecisionMetrics(GovernanceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                metrics.pipelineDecision(answer(ex == null ? response.getStatus() : 500));
            }
        }).addPathPatterns(PIPELINE_CHECK);
    }

    static String answer(int status) {
        return switch (status) {
            case 200 -> "approved";
            case 409 -> "blocked";
            case 404 -> "unknown";
            default -> "refused";
        };
    }
}
