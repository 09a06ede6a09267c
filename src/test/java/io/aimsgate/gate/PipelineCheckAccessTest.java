package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.security.AccessRules;
import io.aimsgate.shared.CallerRule;
import io.aimsgate.shared.CurrentUser;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Who may ask whether a version may ship has one rule, {@link AccessRules#mayCheckDeployments()}: the attestation's
 * {@code @PreAuthorize} names it, and the pipeline check calls it in its body (polled many times a second, it skips
 * the method-security proxy) and names the same expression with {@link CallerRule} for the API description.
 */
class PipelineCheckAccessTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bothEndpointsNameTheOneRule() {
        Method decision = method(DeploymentDecisionController.class, "decision");
        assertThat(DeploymentDecisionController.MAY_CHECK).isEqualTo("@access.mayCheckDeployments()");
        assertThat(decision.getAnnotation(CallerRule.class).value()).isEqualTo(DeploymentDecisionController.MAY_CHECK);
        assertThat(decision.getAnnotation(PreAuthorize.class)).isNull();
        assertThat(method(DeploymentAttestationController.class, "attestation").getAnnotation(PreAuthorize.class)
                .value()).isEqualTo(DeploymentDecisionController.MAY_CHECK);
    }

    /** The RACI groups, the administrators and the pipeline scope may ask; nobody else, whatever else they hold. */
    @Test
    void theRuleAdmitsParticipantsAndThePipelineScopeAndTheExpressionDecidesTheSame() {
        Map<List<String>, Boolean> callers = new LinkedHashMap<>();
        RaciGroups.ALL.forEach(group -> callers.put(List.of(group), true));
        callers.put(List.of(AccessRules.ADMIN_GROUP), true);
        callers.put(List.of(AccessRules.DEPLOYMENT_DECISION_SCOPE), true);
        callers.put(List.of("guests", RaciGroups.ALL.get(RaciGroups.ALL.size() - 1)), true);
        callers.put(List.of("SCOPE_metrics", "SCOPE_deployment-decision"), true);
        callers.put(List.of(), false);
        callers.put(List.of("guests"), false);
        callers.put(List.of("SCOPE_metrics", "SCOPE_profile"), false);
        callers.put(List.of("ROLE_USER", "OIDC_USER"), false);
        callers.put(List.of("deployment-decision", "SCOPE_camunda-admin", "Auditors", "SECURITY"), false);

        try (AnnotationConfigApplicationContext beans = new AnnotationConfigApplicationContext()) {
            beans.registerBean(CurrentUser.class);
            beans.registerBean("access", AccessRules.class);
            beans.refresh();
            DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
            handler.setApplicationContext(beans);
            Expression rule = handler.getExpressionParser().parseExpression(DeploymentDecisionController.MAY_CHECK);
            Method decision = method(DeploymentDecisionController.class, "decision");
            Object target = new DeploymentDecisionController(null, null, null, null);
            callers.forEach((authorities, allowed) -> {
                Authentication caller = UsernamePasswordAuthenticationToken.authenticated("someone", null,
                        AuthorityUtils.createAuthorityList(authorities));
                SecurityContextHolder.getContext().setAuthentication(caller);
                assertThat(AccessRules.mayCheckDeployments(caller)).as("%s", authorities).isEqualTo(allowed);
                assertThat(beans.getBean(AccessRules.class).mayCheckDeployments()).as("%s", authorities)
                        .isEqualTo(allowed);
                assertThat(ExpressionUtils.evaluateAsBoolean(rule, handler.createEvaluationContext(() -> caller,
                        new SimpleMethodInvocation(target, decision)))).as("%s", authorities).isEqualTo(allowed);
            });
            SecurityContextHolder.clearContext();
            assertThat(beans.getBean(AccessRules.class).mayCheckDeployments()).as("no caller").isFalse();
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
