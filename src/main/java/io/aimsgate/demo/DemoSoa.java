package io.aimsgate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.controls.ControlDecision;
import io.aimsgate.controls.ControlRecord;
import io.aimsgate.controls.Controls;
import io.aimsgate.controls.ImplementationStatus;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo Statement of Applicability: after the demo inventory, records the organisation's decision on every Annex A
 * control ({@code demo/soa-demo.json}), links the data-poisoning risk to the data controls, and walks version 1
 * through the real soa-approval gate: submitted by olivia, reviewed by sam (security) and lena (legal), approved by
 * grace (governance board). Runs only while no control has been decided, after the walk that records the
 * poisoning risk ({@link DemoData}).
 */
@Component
@Profile("demo")
class DemoSoa {

    static final String FILE = "demo/soa-demo.json";
    private static final Logger log = LoggerFactory.getLogger(DemoSoa.class);

    private final Controls controls;
    private final RiskService risks;
    private final DemoWalk walk;

    DemoSoa(Controls controls, RiskService risks, DemoWalk walk) {
        this.controls = controls;
        this.risks = risks;
        this.walk = walk;
    }

    void seed() {
        if (controls.all().stream().anyMatch(ControlRecord::isDecided)) {
            return;
        }
        JsonNode demo;
        try (InputStream in = DemoSoa.class.getClassLoader().getResourceAsStream(FILE)) {
            demo = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read", e);
        }
        for (JsonNode c : demo.get("controls")) {
            controls.decide(c.get("control").asText(), new ControlDecision(c.get("applicable").asBoolean(),
                    c.get("justification").asText(), ImplementationStatus.valueOf(c.get("implementationStatus")
                            .asText()), c.hasNonNull("owner") ? c.get("owner").asText() : null), "olivia");
        }
        Set<Long> poisoning = risks.severeRisks().stream().filter(r -> r.getTitle().contains("poisoning"))
                .map(Risk::getId).collect(Collectors.toSet());
        if (!poisoning.isEmpty()) {
            controls.treatRisks("A.7.4", poisoning, "sam");
            controls.treatRisks("A.7.5", poisoning, "sam");
        }
        String pid = walk.start("olivia", "soa-approval", Map.of("note",
                "First Statement of Applicability: 37 controls applicable, A.10.4 excluded."));
        walk.approve("sam", pid, "task_security_review");
        walk.approve("lena", pid, "task_legal_review");
        walk.approve("grace", pid, "task_board_approval");
        log.info("Demo Statement of Applicability version {} approved",
                controls.approvedSoa().map(v -> v.versionNo()).orElse(0));
    }
}
