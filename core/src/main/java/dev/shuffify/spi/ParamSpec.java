package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A declared, typed parameter of a job type, algorithm or discovery strategy.
 *
 * <pre>{@code
 * ParamSpec.integer("section_count", "How many sections").range(2, 10).withDefault(4);
 * ParamSpec.choice("shuffle_location", "Which end to shuffle", "front", "back").withDefault("front");
 * }</pre>
 *
 * @param name the parameter name; never blank
 * @param type the type; never null
 * @param description what it does; never null
 * @param defaultValue the value used when absent; null for none
 * @param min the smallest allowed integer; null for no bound
 * @param max the largest allowed integer; null for no bound
 * @param allowedValues the allowed values of an {@link ParamType#ENUM}; empty otherwise
 * @param required whether the parameter must be given (a required parameter has no default)
 * @since 0.1.0
 */
public record ParamSpec(String name, ParamType type, String description, Object defaultValue, Integer min,
        Integer max, List<String> allowedValues, boolean required) {

    /**
     * Validates the declaration itself.
     *
     * @param name the parameter name; never blank
     * @param type the type; never null
     * @param description what it does; never null
     * @param defaultValue the value used when absent; null for none
     * @param min the smallest allowed integer; null for no bound
     * @param max the largest allowed integer; null for no bound
     * @param allowedValues the allowed values of an {@link ParamType#ENUM}; empty otherwise
     * @param required whether the parameter must be given (a required parameter has no default)
     */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (type == ParamType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("enum parameter '" + name + "' needs allowed values");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter '" + name + "': min " + min + " > max " + max);
        }
    }

    /**
     * A free-text parameter.
     *
     * @param name the name
     * @param description what it does
     * @return an optional parameter without default
     */
    public static ParamSpec string(String name, String description) {
        return new ParamSpec(name, ParamType.STRING, description, null, null, null, List.of(), false);
    }

    /**
     * An integer parameter.
     *
     * @param name the name
     * @param description what it does
     * @return an optional parameter without default or range
     */
    public static ParamSpec integer(String name, String description) {
        return new ParamSpec(name, ParamType.INTEGER, description, null, null, null, List.of(), false);
    }

    /**
     * A boolean parameter.
     *
     * @param name the name
     * @param description what it does
     * @return an optional parameter without default
     */
    public static ParamSpec bool(String name, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, description, null, null, null, List.of(), false);
    }

    /**
     * An enumerated parameter.
     *
     * @param name the name
     * @param description what it does
     * @param allowed the allowed values
     * @return an optional parameter without default
     */
    public static ParamSpec choice(String name, String description, String... allowed) {
        return new ParamSpec(name, ParamType.ENUM, description, null, null, null, Arrays.asList(allowed), false);
    }

    /**
     * A list-of-strings parameter.
     *
     * @param name the name
     * @param description what it does
     * @return an optional parameter without default
     */
    public static ParamSpec list(String name, String description) {
        return new ParamSpec(name, ParamType.LIST, description, null, null, null, List.of(), false);
    }

    /**
     * A date parameter.
     *
     * @param name the name
     * @param description what it does
     * @return an optional parameter without default
     */
    public static ParamSpec date(String name, String description) {
        return new ParamSpec(name, ParamType.DATE, description, null, null, null, List.of(), false);
    }

    /**
     * A copy with an inclusive integer range.
     *
     * @param minimum smallest allowed value
     * @param maximum largest allowed value
     * @return a copy
     * @throws ValidationException when a default set earlier is outside the range
     */
    public ParamSpec range(int minimum, int maximum) {
        return new ParamSpec(name, type, description, null, minimum, maximum, allowedValues, required)
                .withCheckedDefault(defaultValue);
    }

    /**
     * A copy with a lower bound only.
     *
     * @param minimum smallest allowed value
     * @return a copy
     * @throws ValidationException when a default set earlier is below the bound
     */
    public ParamSpec atLeast(int minimum) {
        return new ParamSpec(name, type, description, null, minimum, null, allowedValues, required)
                .withCheckedDefault(defaultValue);
    }

    private ParamSpec withCheckedDefault(Object value) {
        return value == null ? this : withDefault(value);
    }

    /**
     * A copy with a default value (checked against the declaration).
     *
     * @param value the default
     * @return a copy
     */
    public ParamSpec withDefault(Object value) {
        ParamSpec copy = new ParamSpec(name, type, description, null, min, max, allowedValues, false);
        Object coerced = copy.coerce(value, name);
        return new ParamSpec(name, type, description, coerced, min, max, allowedValues, false);
    }

    /**
     * A copy that must be given.
     *
     * @return a copy
     */
    public ParamSpec asRequired() {
        return new ParamSpec(name, type, description, null, min, max, allowedValues, true);
    }

    /**
     * Describes what is allowed, for error messages and listings, e.g. {@code integer 2..10, default 4}.
     *
     * @return never null
     */
    public String allowed() {
        StringBuilder sb = new StringBuilder();
        switch (type) {
            case INTEGER -> {
                sb.append("an integer");
                if (min != null && max != null) {
                    sb.append(' ').append(min).append("..").append(max);
                } else if (min != null) {
                    sb.append(" >= ").append(min);
                } else if (max != null) {
                    sb.append(" <= ").append(max);
                }
            }
            case ENUM -> sb.append("one of ").append(String.join(", ", allowedValues));
            case BOOLEAN -> sb.append("true or false");
            case LIST -> sb.append("a list of strings");
            case DATE -> sb.append("a date yyyy-mm-dd");
            case STRING -> sb.append("text");
            default -> throw new IllegalStateException(type.toString());
        }
        if (defaultValue != null) {
            sb.append(", default ").append(defaultValue);
        }
        return sb.toString();
    }

    /**
     * Converts a raw value (from JSON, a form, a store) to this parameter's Java type: {@link String},
     * {@link Integer}, {@link Boolean}, {@code List<String>} or {@link LocalDate}.
     *
     * @param raw the raw value; null means absent
     * @param field the field path for errors
     * @return the coerced value, or the default (possibly null) when {@code raw} is null
     * @throws ValidationException naming {@code field} and what is allowed
     */
    public Object coerce(Object raw, String field) {
        if (raw == null) {
            if (required) {
                throw new ValidationException(field, "is required: " + allowed());
            }
            return defaultValue;
        }
        return switch (type) {
            case STRING -> raw.toString();
            case INTEGER -> coerceInt(raw, field);
            case BOOLEAN -> coerceBoolean(raw, field);
            case ENUM -> coerceEnum(raw, field);
            case LIST -> coerceList(raw);
            case DATE -> coerceDate(raw, field);
        };
    }

    private Integer coerceInt(Object raw, String field) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue())) {
            value = n.longValue();
        } else if (raw instanceof String s && s.trim().matches("[+-]?\\d{1,10}")) {
            value = Long.parseLong(s.trim());
        } else {
            throw new ValidationException(field, "must be " + allowed() + ", was '" + raw + "'");
        }
        if ((min != null && value < min) || (max != null && value > max) || value != (int) value) {
            throw new ValidationException(field, "must be " + allowed() + ", was " + value);
        }
        return (int) value;
    }

    private Boolean coerceBoolean(Object raw, String field) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ValidationException(field, "must be true or false, was '" + raw + "'");
        };
    }

    private String coerceEnum(Object raw, String field) {
        String s = raw.toString().trim();
        for (String allowedValue : allowedValues) {
            if (allowedValue.equalsIgnoreCase(s)) {
                return allowedValue;
            }
        }
        throw new ValidationException(field, "must be one of " + String.join(", ", allowedValues) + ", was '"
                + raw + "'");
    }

    private static List<String> coerceList(Object raw) {
        List<String> out = new ArrayList<>();
        if (raw instanceof Iterable<?> it) {
            it.forEach(o -> out.add(String.valueOf(o)));
        } else {
            for (String part : raw.toString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return List.copyOf(out);
    }

    private static LocalDate coerceDate(Object raw, String field) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        try {
            return LocalDate.parse(raw.toString().trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date yyyy-mm-dd, was '" + raw + "'");
        }
    }
}
