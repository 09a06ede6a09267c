package io.aimsgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.H2DemoApp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The governance-flow figures on a generated engine history with known durations (the engine clock moved with
 * {@link ClockUtil}), and the time the KPI endpoint takes on the demo data and on a year of generated history
 * (printed, not asserted: the machine decides). The generated process and its history are removed afterwards.
 */
@H2DemoApp
class KpiHistoryTest {

    static final String PROCESS = "kpi-sample";
    static final String GROUP = "auditors";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    Caller grace;
    String deploymentId;

    @BeforeEach
    void deploy() {
        grace = new Api(port).as("grace");
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("KPI sample").camundaHistoryTimeToLive(1)
                .startEvent("start").name("Start")
                .userTask("task_sample").name("Sample decision").camundaCandidateGroups(GROUP)
                .endEvent("end").name("End").done();
        deploymentId = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy()
                .getId();
    }

    @AfterEach
    void remove() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        repositoryService.deleteDeployment(deploymentId, true);
    }

    /** Task i (1..40) waits i/2 hours for its claim and is completed i hours after creation. */
    @Test
    void medianPercentileAndWaitingBeforeClaimOfKnownDurations() {
        Instant base = Instant.now().minus(Duration.ofDays(20));
        for (int i = 1; i <= 40; i++) {
            Instant created = base.plus(Duration.ofMinutes(10L * i));
            sample(created, Duration.ofMinutes(30L * i), Duration.ofHours(i));
        }
        ClockUtil.reset();

        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        JsonNode row = sampleRow(grace.get("/api/reports/kpis?from=" + to.minusDays(30) + "&to=" + to).expect(200)
                .json());
        assertThat(row.get("completed").asLong()).isEqualTo(40);
        // PERCENTILE_CONT over 1..40 hours: median 20.5, 90th percentile 1 + 0.9 * 39 = 36.1
        assertThat(row.get("medianHours").asDouble()).isCloseTo(20.5, within(0.01));
        assertThat(row.get("p90Hours").asDouble()).isCloseTo(36.1, within(0.01));
        assertThat(row.get("medianHoursToClaim").asDouble()).isCloseTo(10.25, within(0.01));

        JsonNode before = sampleRow(grace.get("/api/reports/kpis?from=" + to.minusDays(90) + "&to="
                + to.minusDays(21)).expect(200).json());
        assertThat(before).as("tasks completed after the period are not in it").isNull();
    }

    /** A year of history: 1,200 completed gate tasks, a hundred a month; the KPI endpoint timed before and after. */
    @Test
    void kpiTimingsOnTheDemoDataAndOnAYearOfHistory() {
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        String year = "/api/reports/kpis?from=" + to.minusYears(1).plusDays(1) + "&to=" + to;
        grace.get(year).expect(200);
        long demo = median(IntStream.range(0, 5).mapToLong(i -> timed(year)).toArray());

        Instant start = Instant.now().minus(Duration.ofDays(362));
        long generating = System.nanoTime();
        for (int i = 0; i < 1200; i++) {
            sample(start.plus(Duration.ofMinutes(432L * i)), Duration.ofMinutes(5 + i % 90), Duration.ofHours(1 + i % 47));
        }
        ClockUtil.reset();
        long generated = (System.nanoTime() - generating) / 1_000_000;
        JsonNode row = sampleRow(grace.get(year).expect(200).json());
        assertThat(row.get("completed").asLong()).isEqualTo(1200);
        long history = median(IntStream.range(0, 5).mapToLong(i -> timed(year)).toArray());
        System.out.printf("KPI endpoint (H2, one year): demo data %d ms; with 1,200 generated gate tasks %d ms "
                + "(generating them took %d ms)%n", demo, history, generated);
    }

    private void sample(Instant created, Duration toClaim, Duration toComplete) {
        ClockUtil.setCurrentTime(Date.from(created));
        String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        ClockUtil.setCurrentTime(Date.from(created.plus(toClaim)));
        identityService.setAuthentication("admin", List.of("camunda-admin"));
        try {
            taskService.claim(task.getId(), "alex");
        } finally {
            identityService.clearAuthentication();
        }
        ClockUtil.setCurrentTime(Date.from(created.plus(toComplete)));
        taskService.complete(task.getId());
    }

    private static JsonNode sampleRow(JsonNode kpis) {
        for (JsonNode row : kpis.at("/governanceFlow/tasks")) {
            if (PROCESS.equals(row.get("process").asText()) && GROUP.equals(row.get("group").asText())) {
                return row;
            }
        }
        return null;
    }

    private long timed(String path) {
        long started = System.nanoTime();
        grace.get(path).expect(200);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(long[] values) {
        List<Long> sorted = new ArrayList<>();
        for (long value : values) {
            sorted.add(value);
        }
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
