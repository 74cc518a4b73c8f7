package dev.shuffify.algorithms.internal;

import dev.shuffify.spi.ParamSpec;

/** The {@code keep_first} parameter shared by several algorithms. */
public final class KeepFirst {
    /** The parameter name. */
    public static final String NAME = "keep_first";

    /** The declaration: an integer of at least 0, default 0. */
    public static final ParamSpec SPEC = ParamSpec.integer(NAME,
            "How many tracks at the top of the playlist stay where they are").atLeast(0).withDefault(0);

    private KeepFirst() {
    }
}
