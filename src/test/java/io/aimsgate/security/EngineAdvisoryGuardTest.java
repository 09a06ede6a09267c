package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guards for the two unpatched Camunda 7.24 advisories, over HTTP against the running application (demo
 * profile, H2: the same cached context as {@code api.H2ApiTest}).
 */
@H2DemoApp
class EngineAdvisoryGuardTest {

    static final String SETUP_CREATE_USER = "/camunda/api/admin/setup/default/user/create";
    static final String ATTACKER = Api.json(Map.of(
            "profile", Map.of("id", "attacker", "firstName", "a", "lastName", "b", "email", "a@b.c"),
            "credentials", Map.of("password", "x")));
    static final String EXPRESSION_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"${true}\"}]}";

    @LocalServerPort
    int port;

    Api api;
    Caller mia;
    Caller admin;

    @BeforeEach
    void callers() {
        api = new Api(port);
        mia = api.as("mia");
        admin = api.as("admin");
    }

    // CVE-2026-77226 -------------------------------------------------------------------------------------------------

    @Test
    void anonymousAdminSetupIsRefusedOnceUsersExist() {
        assertUserDoesNotExist("attacker");

        Response response = api.anonymous().post(SETUP_CREATE_USER, ATTACKER);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        // Refused by our guard (not merely by the webapp's CSRF filter, which would also answer 403).
        assertThat(response.json().get("type").asText()).endsWith("/setup-closed");
        assertUserDoesNotExist("attacker");
        assertThat(api.as("attacker", "x").get("/api/systems").status()).isEqualTo(401);
    }

    @Test
    void adminSetupIsRefusedWithCredentialsAndOnEveryEngineName() {
        for (String path : List.of(SETUP_CREATE_USER, "/camunda/api/admin/setup/other/user/create",
                "/camunda/api/admin/setup/default/user/create?x=1")) {
            for (Caller caller : List.of(api.anonymous(), mia, admin)) {
                Response response = caller.post(path, ATTACKER);
                assertThat(response.status()).as(caller + " " + response).isEqualTo(403);
                assertThat(response.json().get("type").asText()).endsWith("/setup-closed");
            }
        }
        assertUserDoesNotExist("attacker");
    }

    private void assertUserDoesNotExist(String userId) {
        admin.get("/engine-rest/user/" + userId + "/profile").expect(404);
        assertThat(admin.get("/engine-rest/user/count?id=" + userId).expect(200).json().get("count").asLong()).isZero();
    }

    // CVE-2026-109432 ------------------------------------------------------------------------------------------------

    static Stream<Arguments> expressionsInOrQueries() {
        String filter = Api.json(Map.of("resourceType", "Task", "name", "sneaky",
                "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", "${true}")))));
        return Stream.of(
                Arguments.of("task query", "mia", "/engine-rest/task", EXPRESSION_QUERY),
                Arguments.of("task count", "mia", "/engine-rest/task/count", EXPRESSION_QUERY),
                Arguments.of("task query with paging", "mia", "/engine-rest/task?firstResult=0&maxResults=5",
                        EXPRESSION_QUERY),
                // Only the administrator creates filters (a reviewer is refused by the allowlist first: the matrix).
                Arguments.of("filter create as admin", "admin", "/engine-rest/filter/create", filter),
                Arguments.of("#{} expression", "mia", "/engine-rest/task",
                        "{\"orQueries\":[{\"candidateGroupsExpression\":\"#{currentUserGroups()}\"}]}"),
                Arguments.of("spaced expression in a nested list", "mia", "/engine-rest/task",
                        "{\"orQueries\":[{\"assignee\":\"mia\"},{\"candidateUsers\":[\"x\",\"$ {true}\"]}]}"));
    }

    /**
     * Without a login the body is not even read (a slow client could otherwise hold the thread): 401 first. Basic
     * credentials do not log in to the webapps' engine API.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("anonymousExpressionsInOrQueries")
    void anonymousExpressionsInOrQueriesAreRefusedBeforeTheBodyIsRead(String description, String user, String path) {
        Caller caller = user == null ? api.anonymous() : api.as(user);
        long filtersBefore = filterCount();

        Response response = caller.post(path, EXPRESSION_QUERY);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(filterCount()).isEqualTo(filtersBefore);
    }

    static Stream<Arguments> anonymousExpressionsInOrQueries() {
        return Stream.of(
                Arguments.of("webapp engine API, anonymous", null, "/camunda/api/engine/engine/default/task"),
                Arguments.of("webapp engine API, with Basic credentials", "mia",
                        "/camunda/api/engine/engine/default/task"),
                Arguments.of("webapp task count, anonymous", null, "/camunda/api/engine/engine/default/task/count"),
                Arguments.of("engine REST, anonymous", null, "/engine-rest/task"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expressionsInOrQueries")
    void expressionsInOrQueriesAreRefusedBeforeTheEngine(String description, String user, String path, String body) {
        Caller caller = user == null ? api.anonymous() : api.as(user);
        long filtersBefore = filterCount();

        Response response = caller.post(path, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.get("field").asText()).isEqualTo("orQueries");
        assertThat(problem.get("type").asText()).endsWith("/expression-refused");
        assertThat(filterCount()).isEqualTo(filtersBefore);
    }

    @Test
    void aLoggedInWebappUserCannotSendAnExpressionThroughTheWebappEngineApi() {
        WebappSession session = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        // The session is good: a harmless query reaches the engine through the webapp's engine API.
        Response harmless = session.post("/camunda/api/engine/engine/default/task",
                "{\"orQueries\":[{\"assignee\":\"mia\",\"name\":\"x\"}]}");
        assertThat(harmless.status()).as(harmless.toString()).isEqualTo(200);
        assertThat(harmless.json().isArray()).isTrue();

        for (String path : List.of("/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/count")) {
            Response refused = session.post(path, EXPRESSION_QUERY);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith(Api.PROBLEM_JSON);
            assertThat(refused.json().get("field").asText()).isEqualTo("orQueries");
        }
    }

    @Test
    void filterUpdateAndExecutionWithAnExpressionInOrQueriesAreRefused() {
        // A harmless filter (creating filters needs the admin's authorisation) ...
        String harmless = Api.json(Map.of("resourceType", "Task", "name", "mine " + System.nanoTime(),
                "query", Map.of("orQueries", List.of(Map.of("assignee", "mia", "name", "x")))));
        String filterId = admin.post("/engine-rest/filter/create", harmless).expect(200).json().get("id").asText();
        try {
            // ... cannot be turned into an expression-carrying one, nor executed with one.
            Response update = admin.put("/engine-rest/filter/" + filterId,
                    "{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":" + EXPRESSION_QUERY + "}");
            assertThat(update.status()).as(update.toString()).isEqualTo(400);
            assertThat(update.json().get("field").asText()).isEqualTo("orQueries");
            for (String operation : List.of("list", "count", "singleResult")) {
                Response execute = admin.post("/engine-rest/filter/" + filterId + "/" + operation, EXPRESSION_QUERY);
                assertThat(execute.status()).as(execute.toString()).isEqualTo(400);
                assertThat(execute.json().get("field").asText()).isEqualTo("orQueries");
            }
            // The stored query is still the harmless one, and it still runs.
            JsonNode stored = admin.get("/engine-rest/filter/" + filterId).expect(200).json();
            assertThat(stored.at("/query/orQueries/0/assignee").asText()).isEqualTo("mia");
            assertThat(stored.at("/query/orQueries/0").has("assigneeExpression")).isFalse();
            admin.post("/engine-rest/filter/" + filterId + "/list", "{}").expect(200);
        } finally {
            admin.delete("/engine-rest/filter/" + filterId).expect(204);
        }
    }

    @Test
    void harmlessOrQueriesStillWork() {
        String harmless = "{\"orQueries\":[{\"assignee\":\"mia\",\"name\":\"x\"}]}";
        Response tasks = mia.post("/engine-rest/task", harmless);
        assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
        assertThat(tasks.json().isArray()).isTrue();
        Response count = mia.post("/engine-rest/task/count", harmless);
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        assertThat(count.json().get("count").isNumber()).isTrue();
        // A "$" or "#" that opens no expression is plain text.
        Response dollar = mia.post("/engine-rest/task", "{\"orQueries\":[{\"nameLike\":\"%$5 #1%\"}]}");
        assertThat(dollar.status()).as(dollar.toString()).isEqualTo(200);
        // An expression outside orQueries is left to the engine, which refuses it in ad-hoc queries itself.
        Response topLevel = mia.post("/engine-rest/task", "{\"assigneeExpression\":\"${true}\"}");
        assertThat(topLevel.status()).as(topLevel.toString()).isEqualTo(400);
        assertThat(topLevel.json().path("type").asText()).isEqualTo("BadUserRequestException");
    }

    private long filterCount() {
        return admin.get("/engine-rest/filter/count").expect(200).json().get("count").asLong();
    }
}
