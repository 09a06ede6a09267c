package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The JSON input rules on their own, on a mapper built the way Spring Boot builds the one MVC reads bodies with. */
class StrictJsonTest {

    enum Tier { UNACCEPTABLE, HIGH, TRANSPARENCY, MINIMAL }

    record Body(String name, @MultiLine String notes, Tier tier, Integer likelihood, Double value, Boolean flag,
            boolean harm, LocalDate due, Instant at, List<String> labels) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        StrictJson config = new StrictJson();
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        config.strictJsonInput().customize(builder);
        builder.modulesToInstall(config.strictValues());
        return builder.build();
    }

    private Body read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Body.class);
    }

    @Test
    void wellFormedInputIsRead() throws JsonProcessingException {
        Body body = read("{\"name\":\"Ranker\",\"notes\":\"line one\\nline two\\ttabbed\",\"tier\":\"MINIMAL\","
                + "\"likelihood\":3,\"value\":1,\"flag\":true,\"harm\":true,\"due\":\"2030-01-31\","
                + "\"at\":\"2026-01-01T08:00:00Z\",\"labels\":[\"a\"]}");
        assertThat(body.tier()).isEqualTo(Tier.MINIMAL);
        assertThat(body.value()).isEqualTo(1.0);
        assertThat(body.harm()).isTrue();
        assertThat(body.notes()).contains("\n");
        assertThat(read("{}").harm()).as("a flag left out is false").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":12345}", "{\"name\":true}", "{\"flag\":1}", "{\"flag\":\"true\"}",
            "{\"harm\":0}", "{\"harm\":null}", "{\"likelihood\":2.7}", "{\"likelihood\":3.0}", "{\"likelihood\":\"3\"}",
            "{\"value\":\"0.5\"}", "{\"value\":\"NaN\"}", "{\"value\":1e309}", "{\"tier\":3}", "{\"tier\":\"3\"}",
            "{\"tier\":\"MINIMAL \"}", "{\"tier\":\" MINIMAL\"}", "{\"tier\":\"minimal\"}", "{\"tier\":\"\"}",
            "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\"} {}", "{\"name\":\"a\"} x", "{\"colour\":\"red\"}",
            "{\"due\":1}", "{\"due\":[2030,1,31]}", "{\"due\":\"-999999999-01-01\"}", "{\"due\":\"1899-12-31\"}",
            "{\"due\":\"2201-01-01\"}", "{\"at\":1}", "{\"at\":\"2201-01-01T00:00:00Z\"}",
            "{\"name\":\"a\\u0000b\"}", "{\"name\":\"a\\nb\"}", "{\"name\":\"a\\tb\"}", "{\"name\":\"a\\u2028b\"}",
            "{\"notes\":\"a\\u0000b\"}", "{\"notes\":\"a\\u0007b\"}", "{\"notes\":\"a\\ud800b\"}",
            "{\"labels\":\"a\"}", "{\"labels\":[1]}", "{\"labels\":[\"a\\u0000\"]}"})
    void malformedInputIsRefused(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aRefusalNamesItsReason() {
        assertThatThrownBy(() -> read("{\"tier\":\"MINIMAL \"}")).isInstanceOf(JsonInputRefused.class)
                .satisfies(e -> assertThat(((JsonInputRefused) e).reason()).contains("exactly"));
        assertThatThrownBy(() -> read("{\"due\":\"2201-01-01\"}")).isInstanceOf(JsonInputRefused.class)
                .satisfies(e -> assertThat(((JsonInputRefused) e).reason()).contains("1900").contains("2200"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "009", "+9", "-9", "0x9", "#9", "9 ", " 9", "9.0", "1e3", "\uFF19",
            "99999999999999999999"})
    void onlyCanonicalIdsAreTaken(String text) {
        assertThatThrownBy(() -> CanonicalIds.parse(text)).isInstanceOf(CanonicalIds.NonCanonicalNumber.class);
    }

    @Test
    void canonicalIdsAreTaken() {
        assertThat(CanonicalIds.parse("9")).isEqualTo(9L);
        assertThat(CanonicalIds.parse("0")).isZero();
        assertThat(CanonicalIds.parse(String.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }
}
