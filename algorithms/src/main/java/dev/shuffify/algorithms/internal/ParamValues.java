package dev.shuffify.algorithms.internal;

import dev.shuffify.error.ValidationException;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;

/**
 * Reads a parameter of a shuffle request against its declaration: the default when absent, a
 * {@link ValidationException} naming the parameter and what is allowed when the value does not fit (requests
 * built with {@link Params#of} are not checked by anyone else).
 */
public final class ParamValues {
    private ParamValues() {
    }

    /**
     * An integer parameter.
     *
     * @param params the request's parameters
     * @param spec the declaration, with a default
     * @return the value
     * @throws ValidationException when the value is not an integer in the declared range
     */
    public static int integer(Params params, ParamSpec spec) {
        return (Integer) spec.coerce(params.asMap().get(spec.name()), spec.name());
    }

    /**
     * A boolean parameter.
     *
     * @param params the request's parameters
     * @param spec the declaration, with a default
     * @return the value
     * @throws ValidationException when the value is not a boolean
     */
    public static boolean bool(Params params, ParamSpec spec) {
        return (Boolean) spec.coerce(params.asMap().get(spec.name()), spec.name());
    }

    /**
     * An enumerated parameter.
     *
     * @param params the request's parameters
     * @param spec the declaration, with a default
     * @return one of the allowed values, spelled as declared
     * @throws ValidationException when the value is not allowed
     */
    public static String choice(Params params, ParamSpec spec) {
        return (String) spec.coerce(params.asMap().get(spec.name()), spec.name());
    }
}
