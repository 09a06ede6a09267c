package io.aimsgate.raci;

import io.aimsgate.shared.PlatformEngineAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.xml.ModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules every governed user task (one that declares a RACI role in its BPMN) shares, whoever acts and through
 * whichever door: the task's role comes from the model and the RACI matrix, never from the candidate groups the task
 * has at run time; who decided what in a run comes from the engine's history.
 */
@Component
public class GovernedTasks {

    /** Task extension property listing the decisions a task offers (see the life-cycle BPMNs). */
    public static final String DECISIONS_PROPERTY = "decisions";

    /** The role a governed task declares: its RACI declaration, the groups that hold it, and whether it decides. */
    public record Role(RaciDeclaration declaration, Set<String> groups, boolean deciding) {
    }

    private final RaciMatrix matrix;
    private final PlatformEngineAccess engine;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    /** The completed tasks of a process instance, oldest id first, as a native query (see {@link #decidedInRun}). */
    private volatile String finishedTasksSql;

    GovernedTasks(RaciMatrix matrix, @Lazy PlatformEngineAccess engine, @Lazy IdentityService identityService,
            @Lazy HistoryService historyService, @Lazy ManagementService managementService) {
        this.matrix = matrix;
        this.engine = engine;
        this.identityService = identityService;
        this.historyService = historyService;
        this.managementService = managementService;
    }

    /** The declared role of a user task, or empty when the task is not governed (declares no RACI role). */
    public Optional<Role> roleOf(UserTask task) {
        return RaciDeclaration.find(task).map(declaration -> new Role(declaration,
                new TreeSet<>(matrix.groupsFor(declaration.activity(), declaration.role())),
                isDeciding(declaration.role(), declaredDecisions(task))));
    }

    /**
     * A deciding task approves or rejects on behalf of a role: every Accountable and Consulted task except work that
     * delivers content (decisions=SUBMIT), and any task that offers APPROVE (e.g. the technical review). Responsible
     * work (containment, a plan, re-checking a register) is not a decision.
     */
    public static boolean isDeciding(RaciRole role, List<String> decisions) {
        if (decisions.contains("APPROVE")) {
            return true;
        }
        boolean work = decisions.equals(List.of("SUBMIT"));
        return !work && (role == RaciRole.ACCOUNTABLE || role == RaciRole.CONSULTED);
    }

    public static List<String> declaredDecisions(BaseElement element) {
        if (element == null || element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> DECISIONS_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst()
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Refuses (403) a user who holds none of the groups the model declares for the task. */
    public static void checkHoldsRole(String user, Set<String> userGroups, Role role, String taskName) {
        if (userGroups.stream().noneMatch(role.groups()::contains)) {
            throw new GovernanceRuleViolation(user + " holds none of the RACI roles " + role.groups() + " that work '"
                    + taskName + "'; only their members may hold or complete it (administration does not decide).");
        }
    }

    /** The identity groups of a user, looked up as the platform (the caller may not be allowed to list them). */
    public Set<String> groupsOf(String userId) {
        return engine.withoutUserAuthorization(() -> {
            Set<String> groups = new LinkedHashSet<>();
            identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                    .forEach(groups::add);
            return groups;
        });
    }

    /** Whether a user of this id exists. */
    public boolean userExists(String userId) {
        return engine.withoutUserAuthorization(() -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    /**
     * The deciding tasks completed so far in a process instance, with who completed them (the guard records the
     * completing user as the assignee) and the groups their model declares. Read as the platform: a reviewer may not
     * be allowed to read history, and must not escape the rule for it.
     */
    public List<FourEyes.Decided> decidedInRun(String processInstanceId, ModelInstance model) {
        // The same rows in the same order as createHistoricTaskInstanceQuery().processInstanceId(..).finished().list()
        // run as the platform (no authorisation or tenant check, ordered by id), as a native query: the criteria
        // query's mapper evaluates some hundred dynamic-SQL conditions on every claim and completion of a governed
        // task, this one none.
        List<HistoricTaskInstance> done = engine.withoutUserAuthorization(() -> historyService
                .createNativeHistoricTaskInstanceQuery().sql(finishedTasksSql())
                .parameter("processInstanceId", processInstanceId).list());
        List<FourEyes.Decided> decided = new ArrayList<>();
        for (HistoricTaskInstance task : done) {
            if (!TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason()) || task.getAssignee() == null) {
                continue;
            }
            if (model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element) {
                roleOf(element).filter(Role::deciding).ifPresent(role -> decided.add(new FourEyes.Decided(
                        task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), role.groups())));
            }
        }
        return decided;
    }

    private String finishedTasksSql() {
        String sql = finishedTasksSql;
        if (sql == null) {
            sql = "SELECT RES.* FROM " + managementService.getTableName(HistoricTaskInstance.class)
                    + " RES WHERE RES.PROC_INST_ID_ = #{processInstanceId} AND RES.END_TIME_ IS NOT NULL"
                    + " ORDER BY RES.ID_ ASC";
            finishedTasksSql = sql;
        }
        return sql;
    }

    /** Four eyes: refuses (403) a user who already decided under another role in this process instance. */
    public void checkFourEyes(String user, Role role, String taskName, String processInstanceId,
            ModelInstance model) {
        if (role.deciding()) {
            FourEyes.check(user, taskName, role.groups(), decidedInRun(processInstanceId, model));
        }
    }
}
