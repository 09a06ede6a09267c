package io.aimsgate.controls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The data files: controls/annex-a.json has exactly the 38 Annex A controls of ISO/IEC 42001:2023 (the ids of
 * /work/shared/reference/iso42001-facts.md, copied here so the test stands alone), none of the ids that do not exist
 * (some seed documents use them), each in its objective with a title and description; controls/crosswalk.json maps
 * every one of them and nothing else.
 */
public class AnnexACatalogueTest {

    public static final List<String> REFERENCE_IDS = List.of(
            "A.2.2", "A.2.3", "A.2.4",
            "A.3.2", "A.3.3",
            "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
            "A.5.2", "A.5.3", "A.5.4", "A.5.5",
            "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4", "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8",
            "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
            "A.8.2", "A.8.3", "A.8.4", "A.8.5",
            "A.9.2", "A.9.3", "A.9.4",
            "A.10.2", "A.10.3", "A.10.4");

    /** Ids that are not Annex A controls of ISO/IEC 42001:2023 (objective headings, 27001:2013 ids, invented ones). */
    static final List<String> NOT_CONTROLS = List.of("A.2.1", "A.3.1", "A.4.1", "A.5.1", "A.6.1", "A.6.1.1",
            "A.6.2.1", "A.6.2.9", "A.7.1", "A.8.1", "A.8.6", "A.9.1", "A.10.1", "A.10.5", "A.11.1", "A.12.6",
            "A.16.1");

    /** The 12 risks of the NIST AI 600-1 Generative AI Profile. */
    static final Set<String> GENAI_RISKS = Set.of("CBRN information or capabilities", "Confabulation",
            "Dangerous, violent or hateful content", "Data privacy", "Environmental impacts",
            "Harmful bias and homogenisation", "Human-AI configuration", "Information integrity",
            "Information security", "Intellectual property", "Obscene, degrading or abusive content",
            "Value chain and component integration");

    private static JsonNode read(String name) throws Exception {
        try (InputStream in = AnnexACatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theCatalogueHasExactlyThe38ReferenceControlsInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        read("controls/annex-a.json").get("controls").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).hasSize(38).containsExactlyElementsOf(REFERENCE_IDS).doesNotContainAnyElementsOf(NOT_CONTROLS);
    }

    @Test
    void everyControlSitsInItsObjectiveWithATitleAndDescription() throws Exception {
        JsonNode catalogue = read("controls/annex-a.json");
        Set<String> objectives = new TreeSet<>();
        catalogue.get("objectives").forEach(o -> objectives.add(o.get("id").asText()));
        assertThat(objectives).containsExactlyInAnyOrder("A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9",
                "A.10");
        Set<String> titles = new HashSet<>();
        for (JsonNode control : catalogue.get("controls")) {
            String id = control.get("id").asText();
            assertThat(id).startsWith(control.get("objective").asText() + ".");
            assertThat(objectives).contains(control.get("objective").asText());
            assertThat(control.get("title").asText()).as(id).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(control.get("description").asText()).as(id).hasSizeBetween(20, 1000);
            assertThat(titles.add(control.get("title").asText())).as("title of " + id + " is unique").isTrue();
        }
    }

    @Test
    void theCrosswalkMapsEveryControlAndNoOther() throws Exception {
        JsonNode crosswalk = read("controls/crosswalk.json");
        List<String> mapped = new ArrayList<>();
        for (JsonNode row : crosswalk.get("controls")) {
            mapped.add(row.get("control").asText());
            for (String framework : List.of("EU_AI_ACT", "NIST_AI_RMF", "NIST_AI_600_1", "ISO_27001")) {
                assertThat(row.get(framework)).as(row.get("control") + " " + framework).isNotNull();
                row.get(framework).forEach(ref -> assertThat(ref.asText()).isNotBlank());
            }
            assertThat(row.get("EU_AI_ACT").size() + row.get("NIST_AI_RMF").size())
                    .as(row.get("control") + " maps to the EU AI Act or the NIST AI RMF").isPositive();
            row.get("EU_AI_ACT").forEach(ref -> assertThat(ref.asText()).matches("Art\\. \\d+"));
            row.get("NIST_AI_RMF").forEach(ref -> assertThat(ref.asText())
                    .matches("(GOVERN|MAP|MEASURE|MANAGE) \\d\\.\\d+"));
            row.get("NIST_AI_600_1").forEach(ref -> assertThat(GENAI_RISKS).contains(ref.asText()));
            row.get("ISO_27001").forEach(ref -> assertThat(ref.asText()).matches("[5-8]\\.\\d+"));
        }
        assertThat(mapped).containsExactlyElementsOf(REFERENCE_IDS);
    }
}
