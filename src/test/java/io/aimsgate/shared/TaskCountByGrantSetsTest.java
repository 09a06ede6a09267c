package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * Our PostgreSQL task count is the engine's own statement with one join replaced, built from the engine's mappings
 * of this class path; and any change of the engine's texts it depends on stops it, naming what changed. (That it
 * counts the same tasks for every kind of grant is {@code api.PostgresProfileTest}'s task count scenarios.)
 */
class TaskCountByGrantSetsTest {

    private static final String TASKS = EngineStatementRoutes.text(TaskCountByGrantSets.ENGINE_TASK_MAPPER);
    private static final String AUTHORIZATIONS =
            EngineStatementRoutes.text(TaskCountByGrantSets.ENGINE_AUTHORIZATION_MAPPER);
    private static final String TEMPLATE = EngineStatementRoutes.text(TaskCountByGrantSets.TEMPLATE);

    @Test
    void theCountIsTheEnginesFragmentWithOnlyTheGrantsJoinReplaced() {
        String mapper = TaskCountByGrantSets.mapper(TASKS, AUTHORIZATIONS, TEMPLATE);

        assertThat(mapper).doesNotContain("the engine's selectTaskByQueryCriteriaSql -->")
                .doesNotContain("authCheckJoinWithoutOnClause\"").doesNotContain("${authJoinStart}")
                .contains("<include refid=\"grantSetsJoin\"/>")
                // the engine's criteria, order-by joins, contextual check and tenant check, as the engine wrote them
                .contains("<if test=\"query.candidateGroups != null")
                .contains("org.camunda.bpm.engine.impl.persistence.entity.Commons.filterOrderByRelations")
                .contains("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck")
                .contains("org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheck")
                .contains("<if test=\"!authCheck.revokeAuthorizationCheckEnabled\">");
        String engineFragment = between(TASKS, "<sql id=\"selectTaskByQueryCriteriaSql\">", "</sql>");
        String ourFragment = between(mapper, "<sql id=\"selectTaskByQueryCriteriaSql\">", "</sql>");
        assertThat(ourFragment.length()).isLessThan(engineFragment.length());
        assertThat(engineFragment.replaceAll("(?s)<include\\s+refid=\"org[.a-zA-Z]*AuthorizationEntity"
                + "\\.authCheckJoinWithoutOnClause\"\\s*/>\\s*AUTH ON \\([^\\n]*\\)", "<include refid=\"grantSetsJoin\"/>"))
                .isEqualTo(ourFragment);
    }

    @Test
    void myBatisParsesItAgainstTheEnginesOwnFragments() throws IOException {
        Configuration mybatis = new Configuration();
        mybatis.getVariables().setProperty("prefix", "");
        mybatis.getVariables().setProperty("authCheckMethodSuffix", "");
        for (String resource : new String[] {"org/camunda/bpm/engine/impl/mapping/entity/Commons.xml",
            TaskCountByGrantSets.ENGINE_AUTHORIZATION_MAPPER, "org/camunda/bpm/engine/impl/mapping/entity/Tenant.xml"}) {
            try (InputStream xml = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(resource)) {
                new XMLMapperBuilder(xml, mybatis, resource, mybatis.getSqlFragments()).parse();
            }
        }
        String mapper = TaskCountByGrantSets.mapper(TASKS, AUTHORIZATIONS, TEMPLATE);
        new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)), mybatis,
                TaskCountByGrantSets.TEMPLATE, mybatis.getSqlFragments()).parse();

        MappedStatement count = mybatis.getMappedStatement(TaskCountByGrantSets.GRANT_SETS_STATEMENT);
        assertThat(count.getResultMaps().get(0).getType()).isEqualTo(Long.class);
    }

    @Test
    void anEngineWhoseTextsChangedDoesNotStartWithIt() {
        String joinChanged = TASKS.replace("AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_",
                "AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.PROC_INST_ID_");
        assertThat(joinChanged).isNotEqualTo(TASKS);
        assertThatThrownBy(() -> TaskCountByGrantSets.mapper(joinChanged, AUTHORIZATIONS, TEMPLATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the grants join of");

        String countChanged = TASKS.replace("${countDistinctBeforeStart} RES.ID_", "${countDistinctBeforeStart} RES.NAME_");
        assertThat(countChanged).isNotEqualTo(TASKS);
        assertThatThrownBy(() -> TaskCountByGrantSets.mapper(countChanged, AUTHORIZATIONS, TEMPLATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("selectTaskCountByQueryCriteria");

        String grantsChanged = AUTHORIZATIONS.replace("WHERE A.TYPE_ &lt; 2", "WHERE A.TYPE_ &lt; 3");
        assertThat(grantsChanged).isNotEqualTo(AUTHORIZATIONS);
        assertThatThrownBy(() -> TaskCountByGrantSets.mapper(TASKS, grantsChanged, TEMPLATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("grant set");

        String twice = TASKS.replace("<foreach collection=\"orderingProperties\"", between(TASKS,
                "<if test=\"!authCheck.revokeAuthorizationCheckEnabled\">", "</if>")
                + "\n<foreach collection=\"orderingProperties\"");
        assertThatThrownBy(() -> TaskCountByGrantSets.mapper(twice, AUTHORIZATIONS, TEMPLATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than once");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start) + to.length());
    }
}
