package dev.shuffify.error;

import java.io.Serial;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input was rejected. Carries one {@link FieldError} per offending field; nothing was stored or changed.
 *
 * <pre>{@code
 * try {
 *     shuffify.createSchedule("alice", definition);
 * } catch (ValidationException e) {
 *     e.errors().forEach(err -> System.out.println(err.field() + ": " + err.message()));
 * }
 * }</pre>
 *
 * <p>A plugin's {@code validate} reports every offending field at once with the list constructor, naming
 * fields relative to what it checks (the engine prefixes them, e.g. with {@code job.}):
 * <pre>{@code
 * List<FieldError> errors = new ArrayList<>();
 * if (from > to) {
 *     errors.add(new FieldError("params.from", "must not be after params.to"));
 * }
 * if (count < 1) {
 *     errors.add(new FieldError("params.count", "must be at least 1, was " + count));
 * }
 * if (!errors.isEmpty()) {
 *     throw new ValidationException(errors);
 * }
 * }</pre>
 * {@link #prefixed(String)} gives a copy whose fields sit under a prefix. A plugin's own declaration errors
 * are not validation errors: see {@link dev.shuffify.spi.ParamDeclarationException}.
 *
 * @since 0.1.0
 */
public class ValidationException extends ShuffifyException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * One rejected field.
     *
     * @param field the dotted path of the field, e.g. {@code params.rotation_count}; never blank
     * @param message what is wrong and what is allowed; never blank
     * @serial exclude
     */
    public record FieldError(String field, String message) implements java.io.Serializable {
        /** The serialized form's version. */
        @Serial
        private static final long serialVersionUID = 1L;

        /**
         * Validates both parts.
         *
         * @param field the dotted path of the field, e.g. {@code params.rotation_count}; never blank
         * @param message what is wrong and what is allowed; never blank
         */
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /**
         * The error as {@code field: message}.
         *
         * @return never null
         */
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The rejected fields, in the order they were found. */
    private final List<FieldError> errors;

    /**
     * Creates an exception for the given errors.
     *
     * @param errors at least one error
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * Creates an exception for one field.
     *
     * @param field the field path
     * @param message what is wrong and what is allowed
     */
    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /**
     * The rejected fields, in the order they were found.
     *
     * @return never empty, unmodifiable
     */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * Returns a copy of this exception whose field paths are prefixed with {@code prefix + "."}.
     *
     * @param prefix the prefix, e.g. {@code job.params}
     * @return a new exception
     */
    public ValidationException prefixed(String prefix) {
        return new ValidationException(errors.stream()
                .map(e -> new FieldError(prefix + "." + e.field(), e.message()))
                .toList());
    }

    private static String describe(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        return "invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
