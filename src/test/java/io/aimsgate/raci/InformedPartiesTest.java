package io.aimsgate.raci;

import static io.aimsgate.raci.RaciGroups.AI_PRODUCT_OWNERS;
import static io.aimsgate.raci.RaciGroups.BUSINESS_STAKEHOLDERS;
import static io.aimsgate.raci.RaciGroups.GOVERNANCE_BOARD;
import static io.aimsgate.raci.RaciGroups.SECURITY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class InformedPartiesTest {

    RaciMatrix matrix = new RaciMatrix(new RaciProperties(Map.of(
            "retirement-approval", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null,
                    List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD)),
            "deployment-security-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(SECURITY),
                    null))));
    GroupNotifier notifier = mock(GroupNotifier.class);
    InformedParties informed = new InformedParties(matrix, notifier);

    @Test
    void everyInformedGroupOfTheActivityIsNotified() {
        informed.tell("retirement-approval", "Retirement of Fraud Detector approved", "Approved by oscar.");

        InOrder order = inOrder(notifier);
        order.verify(notifier).notifyGroup(BUSINESS_STAKEHOLDERS, "Retirement of Fraud Detector approved",
                "Approved by oscar.");
        order.verify(notifier).notifyGroup(GOVERNANCE_BOARD, "Retirement of Fraud Detector approved",
                "Approved by oscar.");
        order.verifyNoMoreInteractions();
    }

    @Test
    void anActivityWithoutAnInformedGroupTellsNobody() {
        informed.tell("deployment-security-review", "Security review passed", "Passed.");

        verifyNoInteractions(notifier);
    }

    @Test
    void anActivityOutsideTheMatrixIsAnError() {
        assertThatThrownBy(() -> informed.tell("retirement-party", "Subject", "Body"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retirement-party");
        verifyNoInteractions(notifier);
    }
}
