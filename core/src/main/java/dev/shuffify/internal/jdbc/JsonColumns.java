package dev.shuffify.internal.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the store's text columns ({@code job_json}, {@code details_json}, {@code warnings_json},
 * {@code uris_json}, {@code metadata_json}), read and written with Jackson.
 *
 * <p>The text is the one the store has always written: strings, numbers, booleans, null, lists and maps as
 * JSON; an enum as its name; any other value (an {@link java.time.Instant}, a {@link java.time.Duration}, a
 * record …) as its string form. Objects read back as insertion-ordered maps, arrays as lists, whole numbers as
 * {@link Integer} when they fit, else {@link Long} or {@link java.math.BigInteger}, other numbers as
 * {@link Double}.
 *
 * <p>Not-a-number and the infinities are kept as numbers: written as the bare tokens {@code NaN},
 * {@code Infinity} and {@code -Infinity} and read back as {@link Double}s (the store's columns are text, not a
 * JSON type, so the database never parses them). Text that an earlier version stored as the string
 * {@code "NaN"} still reads back as that string.
 *
 * <p>Reading is bounded ({@link #LIMITS}): text nested deeper than {@value #MAX_DEPTH} levels, longer than
 * {@value #MAX_DOCUMENT_LENGTH} characters, or holding a string over {@value #MAX_STRING_LENGTH} characters or a
 * number over {@value #MAX_NUMBER_LENGTH} digits is refused with an {@link IllegalArgumentException} naming the
 * limit; writing is bounded to the same depth.
 */
final class JsonColumns {
    /** The deepest nesting read or written; what the store keeps is a few levels deep. */
    static final int MAX_DEPTH = 64;
    /**
     * The longest text read, in characters: the longest column is a snapshot's uris, at most 10,000 uris of a
     * few hundred characters each.
     */
    static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;
    /** The longest single string read, in characters. */
    static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** The longest number read, in characters. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** The longest object key read, in characters. */
    static final int MAX_NAME_LENGTH = 1000;

    /** The limits every read goes through. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    private static final ObjectMapper MAPPER = mapper();

    private JsonColumns() {
    }

    /**
     * Writes a value.
     *
     * @param value the value; null writes {@code null}
     * @return the JSON text
     * @throws IllegalArgumentException when the value is nested deeper than {@value #MAX_DEPTH} levels
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a value.
     *
     * @param text the JSON text; null reads as null
     * @return the value
     * @throws IllegalArgumentException when the text is not JSON or exceeds a limit
     */
    static Object read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an object.
     *
     * @param text the JSON text; null or blank reads as an empty map
     * @return an unmodifiable map
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Object value = read(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, found " + abbreviate(text));
        }
        return Collections.unmodifiableMap((Map<String, Object>) value);
    }

    /**
     * Reads an array of strings; a non-string element reads as its string form.
     *
     * @param text the JSON text; null or blank reads as an empty list
     * @return an unmodifiable list
     * @throws IllegalArgumentException when the text is not a JSON array
     */
    static List<String> readStrings(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Object value = read(text);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a JSON array, found " + abbreviate(text));
        }
        List<String> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(v == null ? null : v.toString()));
        return Collections.unmodifiableList(out);
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(LIMITS)
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
        SimpleModule stringForms = new SimpleModule("shuffify-store-string-forms") {
            private static final long serialVersionUID = 1L;

            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addSerializers(new StringForms());
            }
        };
        return JsonMapper.builder(factory).addModule(stringForms)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /**
     * Writes every value that is not JSON by nature (a string, number, boolean, map, collection, array or enum)
     * as its {@code toString()}, as the store always has, instead of as a bean or not at all.
     */
    private static final class StringForms extends Serializers.Base {
        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (raw == Object.class || CharSequence.class.isAssignableFrom(raw) || Number.class.isAssignableFrom(raw)
                    || raw == Boolean.class || raw.isPrimitive() || raw.isEnum() || Enum.class.isAssignableFrom(raw)
                    || Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                    || JsonSerializable.class.isAssignableFrom(raw) || type.isContainerType()) {
                return null;
            }
            return ToStringSerializer.instance;
        }
    }
}
