package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.security.AccessRules;
import io.aimsgate.shared.CallerRule;
import io.aimsgate.shared.CurrentUser;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * The pipeline check decides who may ask in its own body ({@link AccessRules#mayCheckDeployments}) instead of by
 * {@code @PreAuthorize}: for every kind of caller it decides exactly as the expression its {@link CallerRule} names
 * (and the attestation's {@code @PreAuthorize}) does, evaluated by Spring Security's own method-security expression
 * handler with the application's {@code access} bean.
 */
class PipelineCheckAccessTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCheckInTheBodyIsTheRuleItsAnnotationAndTheAttestationName() throws Exception {
        Method decision = method(DeploymentDecisionController.class, "decision");
        assertThat(decision.getAnnotation(CallerRule.class).value()).isEqualTo(DeploymentDecisionController.MAY_CHECK);
        assertThat(decision.getAnnotation(PreAuthorize.class)).isNull();
        assertThat(method(DeploymentAttestationController.class, "attestation").getAnnotation(PreAuthorize.class)
                .value()).isEqualTo(DeploymentDecisionController.MAY_CHECK);

        try (AnnotationConfigApplicationContext beans = new AnnotationConfigApplicationContext()) {
            beans.registerBean(CurrentUser.class);
            beans.registerBean("access", AccessRules.class);
            beans.refresh();
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setApplicationContext(beans);
            Expression rule = handler.getExpressionParser().parseExpression(DeploymentDecisionController.MAY_CHECK);

            List<List<String>> callers = new ArrayList<>();
            RaciGroups.ALL.forEach(group -> callers.add(List.of(group)));
            callers.add(List.of(AccessRules.ADMIN_GROUP));
            callers.add(List.of("SCOPE_deployment-decision"));
            callers.add(List.of());
            callers.add(List.of("guests"));
            callers.add(List.of("SCOPE_metrics", "SCOPE_profile"));
            callers.add(List.of("ROLE_USER", "OIDC_USER"));
            callers.add(List.of("deployment-decision", "SCOPE_camunda-admin", "Auditors"));
            callers.add(List.of("guests", RaciGroups.ALL.get(RaciGroups.ALL.size() - 1)));
            callers.add(List.of("SCOPE_metrics", "SCOPE_deployment-decision"));
            Object target = new DeploymentDecisionController(null, null, null, null);
            int allowed = 0;
            for (List<String> authorities : callers) {
                Authentication caller = UsernamePasswordAuthenticationToken.authenticated("someone", null,
                        AuthorityUtils.createAuthorityList(authorities));
                SecurityContextHolder.getContext().setAuthentication(caller);
                boolean expression = ExpressionUtils.evaluateAsBoolean(rule, handler.createEvaluationContext(
                        () -> caller, new SimpleMethodInvocation(target, decision)));
                assertThat(AccessRules.mayCheckDeployments(caller)).as("%s", authorities).isEqualTo(expression);
                allowed += expression ? 1 : 0;
            }
            // Every RACI group, the administrators, the pipeline scope and the two mixed callers holding one of them.
            assertThat(allowed).isEqualTo(RaciGroups.ALL.size() + 4);
        }
        assertThat(AccessRules.mayCheckDeployments(null)).isFalse();
        assertThat(AccessRules.mayCheckDeployments(new UsernamePasswordAuthenticationToken("someone", "secret",
                null))).as("not authenticated").isFalse();
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(type + " has no method " + name);
    }
}
