package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The pipeline check is found without matching the request against every mapping ({@link PolledEndpointsFirst}):
 * this holds only while no other mapping of the application matches its requests, which the first test proves on the
 * application's real mappings; the second, that a check found this way is handled as before (route pattern in the
 * request metrics, the problem+json refusal, the pipeline-decision counter).
 */
@H2DemoApp
class PolledEndpointsFirstTest {

    static final String CHECK_PATTERN = "/api/systems/{systemId}/versions/{versionLabel}/deployment-decision";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void onlyThePipelineCheckIsPolledAndNoOtherMappingMatchesItsRequests() throws Exception {
        assertThat(mapping).isInstanceOf(PolledEndpointsFirst.Mapping.class);
        List<RequestMappingInfo> polled = ((PolledEndpointsFirst.Mapping) mapping).polledMappings();
        assertThat(polled).hasSize(1);
        assertThat(polled.get(0).getPatternValues()).containsExactly(CHECK_PATTERN);
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        assertThat(all.size()).isGreaterThan(50);
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            for (String path : List.of("/api/systems/1/versions/1.0.0/deployment-decision",
                    "/api/systems/42/versions/2.1.0-rc.1+build.7/deployment-decision",
                    "/api/systems/x/versions/-/deployment-decision", "/api/systems/1/versions/a/deployment-decision/")) {
                MockHttpServletRequest request = new MockHttpServletRequest(method, path);
                request.setQueryString("digest=sha256:" + "ab".repeat(32) + "&environment=production");
                request.addHeader("Accept", "application/json, application/problem+json");
                ServletRequestPathUtils.parseAndCache(request);
                all.forEach((info, handler) -> {
                    if (!polled.contains(info)) {
                        assertThat(info.getMatchingCondition(request)).as("%s %s matched by %s", method, path, info)
                                .isNull();
                    }
                });
            }
        }
    }

    @Test
    void aCheckFoundFirstIsHandledAsBefore() throws Exception {
        Object controller = context.getBean(Class.forName("io.aimsgate.gate.DeploymentDecisionController"));
        // Nothing wraps the controller any more: who may ask is checked in the method.
        assertThat(AopUtils.isAopProxy(controller)).isFalse();

        Api api = new Api(port);
        String check = "/api/systems/1/versions/1.0.0/deployment-decision?digest=sha256:" + "ab".repeat(32)
                + "&environment=production";
        long timed = requests("200") + requests("409") + requests("404");
        double refused = pipeline("refused");
        // A user outside every group: 403 problem+json from the method's check, counted as refused.
        Api.Response forbidden = api.as("guest").get(check).expect(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(forbidden.body()).contains("You are not authorised to do this.").contains("\"instance\"");
        assertThat(pipeline("refused")).isEqualTo(refused + 1);
        assertThat(requests("403")).isPositive();
        // A participant: the check answers (200, 409 or 404 for the demo data) under its route pattern.
        int status = api.as("ben").get(check).status();
        assertThat(status).isIn(200, 409, 404);
        assertThat(requests("200") + requests("409") + requests("404")).isEqualTo(timed + 1);
        // Paths and methods the check's mapping does not take still find their own handlers.
        String attestation = CHECK_PATTERN + "/attestation";
        long attested = meters.find("http.server.requests").tag("uri", attestation).timers().stream()
                .mapToLong(Timer::count).sum();
        api.as("ben").get("/api/systems/1/versions/1.0.0/deployment-decision/attestation?digest=sha256:"
                + "ab".repeat(32) + "&environment=production");
        assertThat(meters.find("http.server.requests").tag("uri", attestation).timers().stream()
                .mapToLong(Timer::count).sum()).isEqualTo(attested + 1);
        assertThat(api.as("ben").post("/api/systems/1/versions/1.0.0/deployment-decision", "{}").expect(405)
                .isProblem()).isTrue();
    }

    private long requests(String status) {
        Timer timer = meters.find("http.server.requests").tag("uri", CHECK_PATTERN).tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    private double pipeline(String answer) {
        var counter = meters.find("aims.pipeline.decisions").tag("answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }
}
