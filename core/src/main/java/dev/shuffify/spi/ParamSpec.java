package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A declared, typed parameter of a job type, algorithm or discovery strategy.
 *
 * <pre>{@code
 * ParamSpec.integer("section_count", "How many sections").range(2, 10).withDefault(4);
 * ParamSpec.choice("shuffle_location", "Which end to shuffle", "front", "back").withDefault("front");
 * ParamSpec.string("staging_playlist", "The playlist to release tracks from").asRequired();
 * }</pre>
 *
 * <p>The factories and the {@code with…}/{@code as…} methods build the declaration step by step; each step
 * returns a new, checked declaration, and a step that contradicts an earlier one is refused at once with a
 * {@link ParamDeclarationException} (a plugin's programming error, not a user's {@link ValidationException}):
 * <ul>
 *   <li>a default and {@link #asRequired()}, in either order ({@code withDefault(3).asRequired()}): a required
 *       parameter has no default;</li>
 *   <li>{@link #range}, {@link #atLeast} or {@link #atMost} on anything but an {@link ParamType#INTEGER};</li>
 *   <li>a default that the declaration itself refuses (outside the range, not among the allowed values, not of
 *       the type), whichever was declared first;</li>
 *   <li>a {@code null} default, a choice without allowed values, blank or duplicate allowed values (they are
 *       matched ignoring case), a minimum above the maximum;</li>
 *   <li>a name that is not a letter followed by letters, digits and underscores (at most 64 characters).</li>
 * </ul>
 *
 * @param name the parameter name: a letter, then letters, digits and underscores
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

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /**
     * Validates the declaration itself.
     *
     * @param name the parameter name: a letter, then letters, digits and underscores
     * @param type the type; never null
     * @param description what it does; never null
     * @param defaultValue the value used when absent; null for none
     * @param min the smallest allowed integer; null for no bound
     * @param max the largest allowed integer; null for no bound
     * @param allowedValues the allowed values of an {@link ParamType#ENUM}; empty otherwise
     * @param required whether the parameter must be given (a required parameter has no default)
     * @throws ParamDeclarationException when the parts contradict each other (see the class description)
     */
    public ParamSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ParamDeclarationException(name, "a parameter name is a letter followed by letters, digits "
                    + "and underscores, at most 64 characters");
        }
        if (type == null) {
            throw new ParamDeclarationException(name, "the type is required");
        }
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        if (type == ParamType.ENUM) {
            checkAllowed(name, allowedValues);
        } else if (!allowedValues.isEmpty()) {
            throw new ParamDeclarationException(name, "allowed values belong to a choice; a " + typeName(type)
                    + " parameter has none");
        }
        if ((min != null || max != null) && type != ParamType.INTEGER) {
            throw new ParamDeclarationException(name, "a range belongs to an integer; a " + typeName(type)
                    + " parameter has none");
        }
        if (min != null && max != null && min > max) {
            throw new ParamDeclarationException(name, "min " + min + " > max " + max);
        }
        if (required && defaultValue != null) {
            throw new ParamDeclarationException(name, "it is required and has the default " + defaultValue
                    + "; a required parameter has no default: drop asRequired() or the default");
        }
        if (defaultValue != null) {
            try {
                defaultValue = ParamValues.coerce(type, min, max, allowedValues, defaultValue, name, integerAllowed(min, max));
            } catch (ValidationException e) {
                throw new ParamDeclarationException(name, "its default does not fit its own declaration ("
                        + e.errors().get(0).message() + ")");
            }
        }
    }

    private static void checkAllowed(String name, List<String> allowed) {
        if (allowed.isEmpty()) {
            throw new ParamDeclarationException(name, "a choice needs allowed values");
        }
        Set<String> seen = new HashSet<>();
        for (String value : allowed) {
            if (value == null || value.isBlank()) {
                throw new ParamDeclarationException(name, "an allowed value is blank");
            }
            if (!seen.add(value.trim().toLowerCase(Locale.ROOT))) {
                throw new ParamDeclarationException(name, "the allowed value '" + value + "' is given twice "
                        + "(values are matched ignoring case)");
            }
        }
    }

    private static String typeName(ParamType type) {
        return type.name().toLowerCase(Locale.ROOT);
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
     * @param allowed the allowed values: at least one, none blank, no two equal ignoring case
     * @return an optional parameter without default
     * @throws ParamDeclarationException when the allowed values are missing, blank or repeated
     */
    public static ParamSpec choice(String name, String description, String... allowed) {
        return new ParamSpec(name, ParamType.ENUM, description, null, null, null,
                allowed == null ? List.of() : Arrays.asList(allowed), false);
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
     * @throws ParamDeclarationException when this is not an integer parameter, {@code minimum > maximum}, or a
     *     default set earlier is outside the range
     */
    public ParamSpec range(int minimum, int maximum) {
        requireInteger("range(" + minimum + ", " + maximum + ")");
        return new ParamSpec(name, type, description, defaultValue, minimum, maximum, allowedValues, required);
    }

    /**
     * A copy with a lower bound (an upper bound declared earlier stays).
     *
     * @param minimum smallest allowed value
     * @return a copy
     * @throws ParamDeclarationException when this is not an integer parameter, or a default set earlier is
     *     below the bound
     */
    public ParamSpec atLeast(int minimum) {
        requireInteger("atLeast(" + minimum + ")");
        return new ParamSpec(name, type, description, defaultValue, minimum, max, allowedValues, required);
    }

    /**
     * A copy with an upper bound (a lower bound declared earlier stays).
     *
     * @param maximum largest allowed value
     * @return a copy
     * @throws ParamDeclarationException when this is not an integer parameter, or a default set earlier is
     *     above the bound
     * @since 0.2.0
     */
    public ParamSpec atMost(int maximum) {
        requireInteger("atMost(" + maximum + ")");
        return new ParamSpec(name, type, description, defaultValue, min, maximum, allowedValues, required);
    }

    private void requireInteger(String call) {
        if (type != ParamType.INTEGER) {
            throw new ParamDeclarationException(name, call + " needs an integer parameter; this one is "
                    + typeName(type));
        }
    }

    /**
     * A copy with a default value, converted to the parameter's type and checked against the declaration.
     *
     * @param value the default; never null
     * @return a copy
     * @throws ParamDeclarationException when the value is null, does not fit the declaration, or the parameter
     *     was declared {@link #asRequired() required}
     */
    public ParamSpec withDefault(Object value) {
        if (value == null) {
            throw new ParamDeclarationException(name, "withDefault(null): leave the default out instead");
        }
        if (required) {
            throw new ParamDeclarationException(name, "withDefault(" + value + ") on a required parameter; a "
                    + "required parameter has no default: drop asRequired() or the default");
        }
        return new ParamSpec(name, type, description, value, min, max, allowedValues, false);
    }

    /**
     * A copy that must be given.
     *
     * @return a copy
     * @throws ParamDeclarationException when a default was declared: a required parameter has none
     */
    public ParamSpec asRequired() {
        if (defaultValue != null) {
            throw new ParamDeclarationException(name, "asRequired() after the default " + defaultValue
                    + "; a required parameter has no default: drop asRequired() or the default");
        }
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
            case INTEGER -> sb.append(integerAllowed(min, max));
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

    private static String integerAllowed(Integer min, Integer max) {
        if (min != null && max != null) {
            return "an integer " + min + ".." + max;
        } else if (min != null) {
            return "an integer >= " + min;
        } else if (max != null) {
            return "an integer <= " + max;
        }
        return "an integer";
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
        return ParamValues.coerce(type, min, max, allowedValues, raw, field, allowed());
    }

    /**
     * Converts a present value as a parameter of the given type would, with no declaration to check (for
     * {@link Params}' reads of unchecked values, whose names need not be declarable).
     */
    static Object coerceAs(ParamType type, Object raw, String field) {
        return ParamValues.coerce(type, null, null, List.of(), raw, field, integerAllowed(null, null));
    }
}
