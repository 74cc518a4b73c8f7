package dev.shuffify.spi;

import dev.shuffify.error.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts raw parameter values to their Java types, for {@link ParamSpec}. */
final class ParamValues {
    private ParamValues() {
    }

    /** Converts a present value; {@code allowed} describes what is allowed, for the error message. */
    static Object coerce(ParamType type, Integer min, Integer max, List<String> allowedValues, Object raw,
            String field, String allowed) {
        return switch (type) {
            case STRING -> raw.toString();
            case INTEGER -> coerceInt(raw, field, min, max, allowed);
            case BOOLEAN -> coerceBoolean(raw, field);
            case ENUM -> coerceEnum(raw, field, allowedValues);
            case LIST -> coerceList(raw);
            case DATE -> coerceDate(raw, field);
        };
    }

    private static Integer coerceInt(Object raw, String field, Integer min, Integer max, String allowed) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue())) {
            value = n.longValue();
        } else if (raw instanceof String s && s.trim().matches("[+-]?\\d{1,10}")) {
            value = Long.parseLong(s.trim());
        } else {
            throw new ValidationException(field, "must be " + allowed + ", was '" + raw + "'");
        }
        if ((min != null && value < min) || (max != null && value > max) || value != (int) value) {
            throw new ValidationException(field, "must be " + allowed + ", was " + value);
        }
        return (int) value;
    }

    private static Boolean coerceBoolean(Object raw, String field) {
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

    private static String coerceEnum(Object raw, String field, List<String> allowedValues) {
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
