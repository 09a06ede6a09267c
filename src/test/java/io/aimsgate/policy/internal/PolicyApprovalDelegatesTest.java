package io.aimsgate.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.policy.PolicyDocument;
import io.aimsgate.policy.PolicyService;
import io.aimsgate.policy.PolicyVersion;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The policy-approval delegates are thin: they pass the process's variables to PolicyService and write its answer. */
class PolicyApprovalDelegatesTest {

    final PolicyService policies = mock(PolicyService.class);
    final Map<String, Object> variables = new HashMap<>();

    @Test
    void openPassesTheVersionOrTheStartFormsDraftAndTheActingUserAndNamesTheVersion() {
        PolicyVersion version = version(7L, 2, 41L, "# AI policy");
        PolicyDocument document = mock(PolicyDocument.class);
        when(document.getTitle()).thenReturn("AI policy");
        when(policies.openApproval(eq("pi-1"), isNull(), eq("ai-policy"), any(), eq("olivia"))).thenReturn(version);
        when(policies.documentOf(version)).thenReturn(document);
        variables.putAll(Map.of("documentKey", "ai-policy", "body", "# AI policy", "changeSummary", "First."));

        new PolicyApprovalDelegates.Open(policies).execute(execution("olivia"));

        ArgumentCaptor<PolicyDraft> draft = ArgumentCaptor.forClass(PolicyDraft.class);
        verify(policies).openApproval(eq("pi-1"), isNull(), eq("ai-policy"), draft.capture(), eq("olivia"));
        assertThat(draft.getValue()).isEqualTo(new PolicyDraft("# AI policy", "First."));
        assertThat(variables).containsEntry("policyVersionId", 7L).containsEntry("gateId", 41L)
                .containsEntry("policyTitle", "AI policy").containsEntry("versionNumber", 2L)
                .containsEntry("currentBody", "# AI policy").containsEntry("reviewRejected", false)
                .containsEntry("revisionRequired", false);
    }

    @Test
    void publishSetsTheReviewDateAndReminderCycleAndEndsTheSupersededVersionsInstance() {
        PolicyVersion version = version(7L, 2, 41L, "# AI policy");
        when(version.getReviewDue()).thenReturn(LocalDate.parse("2027-12-06"));
        when(policies.publish("pi-1")).thenReturn(new PolicyService.Published(version, List.of("mia"),
                Optional.of("pi-0")));
        when(policies.reminderCycle()).thenReturn("R3/P7D");

        new PolicyApprovalDelegates.Publish(policies).execute(execution(null));

        assertThat(variables).containsEntry("reviewDue", "2027-12-06T00:00Z")
                .containsEntry("acknowledgementReminderCycle", "R3/P7D");
        verify(policies).endSuperseded("pi-0");
    }

    @Test
    void publishingTheFirstVersionSupersedesNothing() {
        PolicyVersion version = version(7L, 1, 41L, "# AI policy");
        when(version.getReviewDue()).thenReturn(LocalDate.parse("2027-12-06"));
        when(policies.publish("pi-1")).thenReturn(new PolicyService.Published(version, List.of(), Optional.empty()));

        new PolicyApprovalDelegates.Publish(policies).execute(execution(null));

        verify(policies, never()).endSuperseded(anyString());
    }

    @Test
    void theScheduledRevisionNamesTheNewVersionOrNothing() {
        PolicyVersion next = version(8L, 3, null, "# AI policy");
        when(policies.startScheduledRevision("pi-1")).thenReturn(Optional.of(next));
        new PolicyApprovalDelegates.StartRevision(policies).execute(execution(null));
        assertThat(variables).containsEntry("revisionVersionNumber", 3L);

        when(policies.startScheduledRevision("pi-1")).thenReturn(Optional.empty());
        new PolicyApprovalDelegates.StartRevision(policies).execute(execution(null));
        assertThat(variables).containsEntry("revisionVersionNumber", null);
    }

    @Test
    void rejectAndRemindCallTheService() {
        when(policies.remindPending("pi-1")).thenReturn(List.of("grace", "oscar"));
        new PolicyApprovalDelegates.Remind(policies).execute(execution(null));
        assertThat(variables).containsEntry("lastReminderCount", 2L);
        new PolicyApprovalDelegates.Reject(policies).execute(execution(null));
        verify(policies).reject("pi-1");
    }

    private static PolicyVersion version(Long id, int number, Long gateRunId, String body) {
        PolicyVersion version = mock(PolicyVersion.class);
        when(version.getId()).thenReturn(id);
        when(version.getVersionNumber()).thenReturn(number);
        when(version.getGateRunId()).thenReturn(gateRunId);
        when(version.getBody()).thenReturn(body);
        return version;
    }

    private DelegateExecution execution(String user) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        when(execution.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), any());
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        IdentityService identity = mock(IdentityService.class);
        when(identity.getCurrentAuthentication()).thenReturn(user == null ? null : new Authentication(user, List.of()));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getIdentityService()).thenReturn(identity);
        when(execution.getProcessEngineServices()).thenReturn(services);
        return execution;
    }
}
