package io.aimsgate.raci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;

class FourEyesTest {

    static final Set<String> OWNERS = Set.of("ai-product-owners");
    static final Set<String> BOARD = Set.of("governance-board");
    static final FourEyes.Decided DANA_APPROVED = new FourEyes.Decided("task_accountable_approval",
            "Accountable approval", "dana", OWNERS);

    @Test
    void aDeciderOfOneRoleMayNotDecideAnotherRoleOfTheRun() {
        assertThat(FourEyes.conflict("dana", BOARD, List.of(DANA_APPROVED))).contains(DANA_APPROVED);
        assertThatThrownBy(() -> FourEyes.check("dana", "Governance board sign-off", BOARD, List.of(DANA_APPROVED)))
                .isInstanceOf(AuthorizationException.class).isInstanceOf(GovernanceRuleViolation.class)
                .hasMessageContaining("Four eyes").hasMessageContaining("Accountable approval");
    }

    @Test
    void theSameRoleAgainOrSomeoneElseIsFine() {
        assertThat(FourEyes.conflict("dana", OWNERS, List.of(DANA_APPROVED))).isEmpty();
        assertThat(FourEyes.conflict("grace", BOARD, List.of(DANA_APPROVED))).isEmpty();
        assertThat(FourEyes.conflict("dana", BOARD, List.of())).isEmpty();
        FourEyes.check("grace", "Governance board sign-off", BOARD, List.of(DANA_APPROVED));
    }

    @Test
    void aRoleIsTheSetOfDeclaredGroupsNotOneOfThem() {
        FourEyes.Decided legal = new FourEyes.Decided("task_legal_privacy_review", "Legal and privacy review", "lee",
                Set.of("legal", "privacy"));
        assertThat(FourEyes.conflict("lee", Set.of("legal"), List.of(legal))).contains(legal);
        assertThat(FourEyes.conflict("lee", Set.of("privacy", "legal"), List.of(legal))).isEmpty();
    }
}
