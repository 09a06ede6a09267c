package io.aimsgate.raci;

import static io.aimsgate.raci.RaciGroups.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class RaciMatrixTest {

    RaciMatrix matrix = RaciFixtures.applicationRaciMatrix();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "deployment-technical-review     | RESPONSIBLE | ml-engineers",
            "deployment-technical-review     | ACCOUNTABLE | ai-product-owners",
            "deployment-technical-review     | INFORMED    | business-stakeholders",
            "deployment-security-review      | CONSULTED   | security",
            "deployment-legal-privacy-review | CONSULTED   | legal,privacy",
            "deployment-ethics-review        | CONSULTED   | ethics",
            "deployment-approval             | ACCOUNTABLE | ai-product-owners",
            "deployment-approval             | INFORMED    | business-stakeholders,governance-board",
            "deployment-high-risk-signoff    | ACCOUNTABLE | governance-board",
            "deployment-remediation          | RESPONSIBLE | ai-product-owners"})
    void resolvesTheGroupsOfARole(String activity, RaciRole role, String groups) {
        assertThat(matrix.groupsFor(activity, role)).containsExactly(groups.split(","));
    }

    @Test
    void anActivityWithoutAnAccountableGroupIsRefusedAtConstruction() {
        for (String accountable : new String[] {null, "", "  "}) {
            RaciProperties properties = new RaciProperties(Map.of("model-retirement",
                    new RaciProperties.Activity(List.of(ML_ENGINEERS), accountable, null, null)));
            assertThatThrownBy(() -> new RaciMatrix(properties)).as("accountable %s", accountable)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("model-retirement")
                    .hasMessageContaining("Accountable");
        }
    }

    @Test
    void anUnknownActivityIsAnError() {
        assertThatThrownBy(() -> matrix.groupsFor("deployment-party", RaciRole.RESPONSIBLE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deployment-party");
    }

    @Test
    void aRoleWithoutGroupsIsAnError() {
        assertThatThrownBy(() -> matrix.groupsFor("deployment-high-risk-signoff", RaciRole.RESPONSIBLE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no RESPONSIBLE group");
        assertThatThrownBy(() -> matrix.groupsFor("deployment-security-review", RaciRole.INFORMED))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMatrixIsExposedSortedByActivity() {
        List<String> activities = List.copyOf(matrix.activities().keySet());
        assertThat(activities).isSorted().startsWith("corrective-closure")
                .contains("deployment-approval", "incident-containment");
    }

    @Test
    void theFixtureIsTheMatrixOfApplicationYml() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        StandardEnvironment environment = new StandardEnvironment();
        sources.forEach(environment.getPropertySources()::addLast);
        RaciProperties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bind("aims.raci", RaciProperties.class).get();

        assertThat(bound).isEqualTo(RaciFixtures.applicationMatrix());
    }

    @Test
    void everyRoleTheProcessesDeclareResolvesToGroupsAndEveryActivityIsUsed() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (String process : List.of("deployment-approval", "incident-escalation", "corrective-action", "inception",
                "design-development", "verification-validation", "re-evaluation", "retirement", "evidence-expiry",
                "soa-approval",
                "policy-approval", "management-review", "supplier-assessment", "internal-audit")) {
            declared.addAll(declaredActivities("processes/" + process + ".bpmn"));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(matrix.activities().keySet());
    }

    private Set<String> declaredActivities(String resource) throws IOException {
        BpmnModelInstance model;
        try (InputStream bpmn = new ClassPathResource(resource).getInputStream()) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        Set<String> declared = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Map<String, String> properties = new java.util.HashMap<>();
            for (CamundaProperty property : task.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                    .getCamundaProperties()) {
                properties.put(property.getCamundaName(), property.getCamundaValue());
            }
            String activity = properties.get(RaciDeclaration.ACTIVITY_PROPERTY);
            RaciRole role = RaciRole.valueOf(properties.get(RaciDeclaration.ROLE_PROPERTY));
            assertThat(matrix.groupsFor(activity, role)).as(task.getId()).isNotEmpty();
            declared.add(activity);
        }
        return declared;
    }
}
