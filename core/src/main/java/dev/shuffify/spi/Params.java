package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parameter values checked against their {@link ParamSpec}s, with defaults filled in.
 *
 * <pre>{@code
 * Params p = Params.parse(algorithm.parameters(), Map.of("section_count", "6"), "algorithmParams");
 * int sections = p.getInt("section_count"); // 6
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Params {
    private static final Params EMPTY = new Params(Map.of());

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * No parameters.
     *
     * @return the empty instance
     */
    public static Params empty() {
        return EMPTY;
    }

    /**
     * Checks raw values against specs: every given name must be declared, every value must fit its spec,
     * defaults fill the gaps. All errors are collected before throwing.
     *
     * @param specs the declared parameters
     * @param raw the raw values; may be null
     * @param fieldPrefix the path prefix for errors, e.g. {@code params} (a trailing dot is allowed:
     *     {@code params.} names the field {@code params.count} too); null or empty for bare names
     * @return the checked values
     * @throws ValidationException listing every offending field with what is allowed
     */
    public static Params parse(List<ParamSpec> specs, Map<String, ?> raw, String fieldPrefix) {
        Map<String, ?> input = raw == null ? Map.of() : raw;
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Set<String> unknown = new TreeSet<>(input.keySet());
        unknown.removeAll(byName.keySet());
        for (String name : unknown) {
            errors.add(new ValidationException.FieldError(path(fieldPrefix, name), "unknown parameter; allowed: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : byName.values()) {
            try {
                Object v = spec.coerce(input.get(spec.name()), path(fieldPrefix, spec.name()));
                if (v != null) {
                    values.put(spec.name(), v);
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Params(Collections.unmodifiableMap(values));
    }

    /**
     * Values taken as they are, unchecked: for tests and for code that has already checked them.
     *
     * @param values the values
     * @return the params
     */
    public static Params of(Map<String, ?> values) {
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** {@code prefix.name}, with one dot whether or not the prefix ends with one. */
    private static String path(String prefix, String name) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? name : p + "." + name;
    }

    /**
     * Whether a value (given or default) is present.
     *
     * @param name the parameter
     * @return true when present
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * An integer value. Unchecked values (see {@link #of}) are read as {@link ParamType#INTEGER} parameters are.
     *
     * @param name the parameter
     * @return the value
     * @throws IllegalStateException when absent (declare a default)
     * @throws ValidationException naming the parameter when an unchecked value is not an integer
     */
    public int getInt(String name) {
        return (Integer) ParamSpec.coerceAs(ParamType.INTEGER, require(name), name);
    }

    /**
     * An integer value or a fallback.
     *
     * @param name the parameter
     * @param fallback the value when absent
     * @return the value
     */
    public int getInt(String name, int fallback) {
        return has(name) ? getInt(name) : fallback;
    }

    /**
     * A string value.
     *
     * @param name the parameter
     * @return the value, or empty
     */
    public Optional<String> getString(String name) {
        return Optional.ofNullable(values.get(name)).map(Object::toString);
    }

    /**
     * A string value or a fallback.
     *
     * @param name the parameter
     * @param fallback the value when absent
     * @return the value
     */
    public String getString(String name, String fallback) {
        return getString(name).orElse(fallback);
    }

    /**
     * A boolean value. Unchecked values (see {@link #of}) are read as {@link ParamType#BOOLEAN} parameters
     * are: {@code true/yes/on/1} and {@code false/no/off/0}, ignoring case.
     *
     * @param name the parameter
     * @param fallback the value when absent
     * @return the value
     * @throws ValidationException naming the parameter when an unchecked value is not a boolean
     */
    public boolean getBoolean(String name, boolean fallback) {
        Object v = values.get(name);
        return v == null ? fallback
                : v instanceof Boolean b ? b : (Boolean) ParamSpec.coerceAs(ParamType.BOOLEAN, v, name);
    }

    /**
     * A list value. Unchecked values (see {@link #of}) are read as {@link ParamType#LIST} parameters are: a
     * single string is split at commas.
     *
     * @param name the parameter
     * @return the value, empty when absent
     */
    public List<String> getList(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        return ((List<?>) ParamSpec.coerceAs(ParamType.LIST, v, name)).stream().map(String::valueOf).toList();
    }

    /**
     * A date value. Unchecked values (see {@link #of}) are read as {@link ParamType#DATE} parameters are.
     *
     * @param name the parameter
     * @return the value, or empty
     * @throws ValidationException naming the parameter when an unchecked value is not a date
     */
    public Optional<LocalDate> getDate(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of((LocalDate) ParamSpec.coerceAs(ParamType.DATE, v, name));
    }

    /**
     * All values.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter '" + name + "' has no value and no default");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
