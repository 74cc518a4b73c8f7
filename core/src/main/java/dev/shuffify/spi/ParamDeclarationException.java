package dev.shuffify.spi;

import java.io.Serial;

/**
 * A plugin declared a parameter that cannot work: a default together with {@link ParamSpec#asRequired()}, a
 * range on a parameter that is not an integer, a default outside the declared range, a choice without allowed
 * values, a malformed name …
 *
 * <p>It is a programming error of the plugin, thrown where the declaration is made (when the plugin's
 * {@code parameters()} list is built), and so it is distinct from a {@link dev.shuffify.error.ValidationException},
 * which reports a user's bad input. It extends {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * ParamSpec.integer("count", "How many").withDefault(3).asRequired(); // throws ParamDeclarationException
 * ParamSpec.string("label", "A label").range(1, 3);                   // throws ParamDeclarationException
 * }</pre>
 *
 * @since 0.2.0
 */
public class ParamDeclarationException extends IllegalArgumentException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The parameter whose declaration was refused. */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the parameter's name as declared (may be null or blank when that is what is wrong)
     * @param message what is contradictory and how to declare it instead
     */
    public ParamDeclarationException(String parameter, String message) {
        super("parameter '" + parameter + "' is declared wrongly: " + message);
        this.parameter = parameter;
    }

    /**
     * The parameter whose declaration was refused.
     *
     * @return the name as declared; may be null
     */
    public String parameter() {
        return parameter;
    }
}
