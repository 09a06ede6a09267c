package io.aimsgate.controls.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The crosswalk data file ({@code controls/crosswalk.json}): for each Annex A control, the EU AI Act articles (as
 * amended by Regulation (EU) 2026/1744), NIST AI RMF 1.0 subcategories, NIST AI 600-1 risks and ISO/IEC 27001:2022
 * controls it meets. Read once at start-up; a change of mapping is a change of the file.
 */
@Component
class Crosswalk {

    static final String FILE = "controls/crosswalk.json";

    /** The frameworks of the crosswalk, as named in the file and in {@code ?framework=}. */
    enum Framework {
        EU_AI_ACT, NIST_AI_RMF, NIST_AI_600_1, ISO_27001;

        static Optional<Framework> of(String name) {
            return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
        }
    }

    private final Map<String, Map<Framework, List<String>>> byControl = new LinkedHashMap<>();
    private final Map<Framework, String> frameworkNames = new LinkedHashMap<>();

    Crosswalk() {
        try (InputStream in = Crosswalk.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            for (Framework framework : Framework.values()) {
                frameworkNames.put(framework, root.get("frameworks").get(framework.name()).asText());
            }
            for (JsonNode row : root.get("controls")) {
                Map<Framework, List<String>> refs = new LinkedHashMap<>();
                for (Framework framework : Framework.values()) {
                    List<String> values = new ArrayList<>();
                    row.get(framework.name()).forEach(ref -> values.add(ref.asText()));
                    refs.put(framework, List.copyOf(values));
                }
                byControl.put(row.get("control").asText(), refs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read", e);
        }
    }

    /** The references of one control per framework (every framework present, possibly empty). */
    Map<Framework, List<String>> of(String controlId) {
        return byControl.getOrDefault(controlId, Map.of());
    }

    Map<Framework, String> frameworkNames() {
        return frameworkNames;
    }
}
