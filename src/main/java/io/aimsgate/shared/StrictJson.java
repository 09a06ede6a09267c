package io.aimsgate.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one JSON input configuration of our API: the ObjectMapper Spring MVC reads every {@code /api} request body
 * with (the engine's {@code /engine-rest} has a mapper of its own). A value is taken only in the JSON type its
 * field has: no number for text, no string or number for a boolean, no fraction for an integer, no string for a
 * number, no number for an enum; enum names exactly as documented (Jackson trims them otherwise); a key twice in one
 * object, anything after the body's value, {@code null} for a true/false field that defaults to false when left
 * out, and unknown fields are refused;
 * dates and instants are ISO-8601 strings within the years {@value #MIN_YEAR}..{@value #MAX_YEAR}; text carries no
 * control characters (line breaks and tabs only where a field is {@link MultiLine}). Every refusal is a
 * {@code JsonMappingException} with the field's path, answered 400 by {@code ApiExceptionHandler}.
 */
@Configuration
class StrictJson {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(StrictJson::refuseCoercions);
    }

    /** Installed into Spring's ObjectMapper by Spring Boot (every {@link Module} bean is), after the java.time module. */
    @Bean
    Module strictValues() {
        SimpleModule module = new SimpleModule("aims-strict-values");
        module.addDeserializer(String.class, new Text(false));
        module.addDeserializer(boolean.class, new Flag());
        module.addDeserializer(Double.class, new FiniteNumber(Double.class));
        module.addDeserializer(double.class, new FiniteNumber(Double.TYPE));
        module.addDeserializer(Instant.class, new Temporal<>(Instant.class, Instant::parse,
                instant -> instant.atOffset(ZoneOffset.UTC).getYear(), "an ISO-8601 instant such as 2025-01-31T09:30:00Z"));
        module.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, LocalDate::parse, LocalDate::getYear,
                "an ISO-8601 date such as 2025-01-31"));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new ExactEnumName(deserializer);
            }
        });
        return module;
    }

    /** Only the natural JSON shape of each type; belt and braces to the features above. */
    static void refuseCoercions(ObjectMapper mapper) {
        Map<LogicalType, CoercionInputShape[]> refused = Map.of(
                LogicalType.Integer, new CoercionInputShape[] {CoercionInputShape.Float, CoercionInputShape.String,
                        CoercionInputShape.EmptyString, CoercionInputShape.Boolean},
                LogicalType.Float, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.Boolean},
                LogicalType.Boolean, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.String, CoercionInputShape.EmptyString},
                LogicalType.Textual, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean},
                LogicalType.Enum, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.EmptyString, CoercionInputShape.Boolean},
                LogicalType.DateTime, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.EmptyString, CoercionInputShape.Boolean});
        refused.forEach((type, shapes) -> {
            for (CoercionInputShape shape : shapes) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        });
        mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    }

    /**
     * Text: a JSON string only, without control characters (U+0000-U+001F, U+007F-U+009F) or lone surrogates; a
     * {@link MultiLine} field may contain line feed, carriage return and tab, a single-line one no line or paragraph
     * separator either.
     */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean allowsLines = property != null && property.getAnnotation(MultiLine.class) != null;
            return allowsLines == multiLine ? this : new Text(allowsLines);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new JsonInputRefused(p, "Expected text (a JSON string).", String.class);
            }
            String text = p.getText();
            String problem = problemOf(text, multiLine);
            if (problem != null) {
                throw new JsonInputRefused(p, problem, String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        static String problemOf(String text, boolean multiLine) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "Must be valid Unicode text (a lone surrogate at position " + i + ").";
                } else if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                    continue;
                } else if (Character.getType(c) == Character.CONTROL) {
                    return String.format("Must not contain control characters (U+%04X at position %d)%s.", (int) c, i,
                            multiLine ? "; line breaks and tabs are allowed" : "; this field is a single line");
                } else if (!multiLine && (c == '\u2028' || c == '\u2029')) {
                    return String.format("Must be a single line (U+%04X at position %d).", (int) c, i);
                }
            }
            return null;
        }
    }

    /**
     * A true/false field that is false when left out: {@code true} or {@code false} only, never {@code null} (Jackson's
     * FAIL_ON_NULL_FOR_PRIMITIVES would refuse the field left out as well).
     */
    static final class Flag extends StdScalarDeserializer<Boolean> {

        Flag() {
            super(Boolean.TYPE);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            throw new JsonInputRefused(p, "Expected true or false.", Boolean.TYPE);
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            throw new JsonInputRefused(ctxt.getParser(), "Expected true or false, not null (leave it out for false).",
                    Boolean.TYPE);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Boolean.FALSE;
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Boolean;
        }
    }

    /**
     * A fractional number: a JSON number only and finite (Jackson takes the strings "NaN" and "Infinity" whatever the
     * coercion settings, and 1e309 overflows to infinity).
     */
    static final class FiniteNumber extends StdScalarDeserializer<Double> {

        FiniteNumber(Class<Double> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new JsonInputRefused(p, "Expected a number.", handledType());
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new JsonInputRefused(p, "Expected a finite number.", handledType());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }

    /** A date or instant: an ISO-8601 string (never an epoch number or an array) within the accepted years. */
    static final class Temporal<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final Function<T, Integer> year;
        private final String expected;

        Temporal(Class<T> type, Function<String, T> parse, Function<T, Integer> year, String expected) {
            super(type);
            this.parse = parse;
            this.year = year;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String must = "Must be " + expected + ", in the years " + MIN_YEAR + " to " + MAX_YEAR + ".";
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new JsonInputRefused(p, must, handledType());
            }
            T value;
            try {
                value = parse.apply(p.getText());
            } catch (DateTimeParseException e) {
                throw new JsonInputRefused(p, must, handledType());
            }
            int y = year.apply(value);
            if (y < MIN_YEAR || y > MAX_YEAR) {
                throw new JsonInputRefused(p, must, handledType());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /**
     * An enum only by its exact name: Jackson's own deserializer also takes the name with surrounding whitespace
     * ({@code "MINIMAL "}), which this refuses.
     */
    static final class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnumName(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new JsonInputRefused(p, "Expected one of " + names() + " (a JSON string).", handledType());
            }
            String text = p.getText();
            Object value = _delegatee.deserialize(p, ctxt);
            if (value instanceof Enum<?> constant && !constant.name().equals(text)) {
                throw new JsonInputRefused(p, "Expected one of " + names() + ", exactly.", handledType());
            }
            return value;
        }

        private String names() {
            Class<?> type = _delegatee.handledType();
            if (type == null || !type.isEnum()) {
                return "the documented values";
            }
            return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList().toString();
        }

        @Override
        public Class<?> handledType() {
            return _delegatee.handledType();
        }
    }
}
