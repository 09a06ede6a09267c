package io.aimsgate.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.review.ManagementReview;
import io.aimsgate.review.ManagementReviewService;
import io.aimsgate.shared.Actors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The management-review delegates and listeners are thin: variables in, ManagementReviewService, variables out. */
class ReviewDelegatesTest {

    final ManagementReviewService reviews = mock(ManagementReviewService.class);
    final Map<String, Object> variables = new HashMap<>();

    @Test
    void aReviewStartedByAUserIsOnDemandAndOneStartedByTheScheduleIsScheduled() {
        ManagementReview review = mock(ManagementReview.class);
        when(review.getId()).thenReturn(3L);
        when(review.getGateRunId()).thenReturn(90L);
        when(reviews.open(anyString(), anyString(), anyString(), any())).thenReturn(review);
        when(reviews.summary(review)).thenReturn("Period from ...");
        variables.put("reason", "Serious incident");

        new ReviewDelegates.Compile(reviews).execute(execution("olivia"));
        verify(reviews).open("pi-1", "ON_DEMAND", "olivia", "Serious incident");
        assertThat(variables).containsEntry("reviewId", 3L).containsEntry("gateId", 90L)
                .containsEntry("inputsSummary", "Period from ...");

        new ReviewDelegates.Compile(reviews).execute(execution(null));
        verify(reviews).open("pi-1", "SCHEDULED", Actors.PLATFORM, "Serious incident");
    }

    @Test
    void theConclusionsNeedARationaleAndPassTheActionLinesOn() {
        DelegateTask task = task("grace");
        variables.put("rationale", "short");
        assertThatThrownBy(() -> new ReviewDelegates.Conclusions(reviews).notify(task))
                .isInstanceOf(BadUserRequestException.class).hasMessageStartingWith("'rationale'");
        verify(reviews, never()).conclude(anyString(), anyString(), any(), anyString());

        variables.put("rationale", "Objectives reviewed; invest in monitoring.");
        variables.put("actions", "mia | 2026-12-31 | Fix it");
        new ReviewDelegates.Conclusions(reviews).notify(task);
        verify(reviews).conclude("pi-1", "Objectives reviewed; invest in monitoring.", "mia | 2026-12-31 | Fix it",
                "grace");
    }

    private DelegateExecution execution(String user) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), any());
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        ProcessEngineServices services = services(user);
        when(execution.getProcessEngineServices()).thenReturn(services);
        return execution;
    }

    private DelegateTask task(String user) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        when(task.getProcessInstanceId()).thenReturn("pi-1");
        when(task.getAssignee()).thenReturn(user);
        ProcessEngineServices services = services(user);
        when(task.getProcessEngineServices()).thenReturn(services);
        return task;
    }

    private static ProcessEngineServices services(String user) {
        IdentityService identity = mock(IdentityService.class);
        Authentication authentication = user == null ? null : new Authentication(user, List.of());
        when(identity.getCurrentAuthentication()).thenReturn(authentication);
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getIdentityService()).thenReturn(identity);
        return services;
    }
}
