package io.aimsgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board's action lines: owner | YYYY-MM-DD | action, each checked, or the whole form refused naming actions. */
class ReviewActionParsingTest {

    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    ManagementReviewService service;

    @BeforeEach
    void setUp() {
        IdentityService identity = mock(IdentityService.class);
        when(identity.createUserQuery()).thenAnswer(call -> {
            UserQuery query = mock(UserQuery.class);
            when(query.userId(anyString())).thenAnswer(byId -> {
                UserQuery one = mock(UserQuery.class);
                when(one.count()).thenReturn(List.of("mia", "olivia").contains(byId.<String>getArgument(0)) ? 1L : 0L);
                return one;
            });
            return query;
        });
        PlatformEngineAccess engine = mock(PlatformEngineAccess.class);
        when(engine.withoutUserAuthorization(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        service = new ManagementReviewService(null, null, null, null, null, Clock.fixed(NOW, ZoneOffset.UTC), null,
                identity, engine);
    }

    @Test
    void oneActionPerLineBlankLinesIgnored() {
        List<ReviewAction> actions = service.parseActions(5L, """
                mia | 2026-12-31 | Add drift monitoring

                olivia|2027-01-15|Publish the risk policy
                """);
        assertThat(actions).extracting(ReviewAction::getOwner, ReviewAction::getDueDate, ReviewAction::getTitle,
                ReviewAction::getStatus, ReviewAction::getReviewId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mia", LocalDate.parse("2026-12-31"),
                                "Add drift monitoring", "OPEN", 5L),
                        org.assertj.core.groups.Tuple.tuple("olivia", LocalDate.parse("2027-01-15"),
                                "Publish the risk policy", "OPEN", 5L));
        assertThat(service.parseActions(5L, null)).isEmpty();
        assertThat(service.parseActions(5L, "  ")).isEmpty();
    }

    @Test
    void malformedLinesAreRefusedNamingTheFieldAndTheLine() {
        assertRefused("mia 2026-12-31 Fix it", "line 1 is not 'owner | YYYY-MM-DD | action'");
        assertRefused("mia | 31.12.2026 | Fix it", "line 1 has no due date");
        assertRefused("mia | 2026-12-05 | Fix it", "line 1 is due before today");
        assertRefused("mia | 2026-12-31 |  ", "line 1 needs an action");
        assertRefused("mia | 2026-12-31 | Fix it\nolivia | 2027-01-01 | Fix it", "line 2 repeats an action");
        assertRefused("mallory | 2026-12-31 | Fix it", "line 1 names an owner who is not a user: mallory");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < ManagementReviewService.MAX_ACTIONS + 1; i++) {
            many.append("mia | 2026-12-31 | Action ").append(i).append('\n');
        }
        assertRefused(many.toString(), "at most 20 actions");
    }

    private void assertRefused(String lines, String message) {
        assertThatThrownBy(() -> service.parseActions(5L, lines)).isInstanceOf(BadUserRequestException.class)
                .hasMessageStartingWith("'actions'").hasMessageContaining(message);
    }
}
