package dev.shuffify.error;

import java.io.Serial;

/**
 * Something a caller asked for does not exist, or does not belong to the caller. The two cases are
 * deliberately indistinguishable: a user never learns that another user's schedule exists.
 *
 * @since 0.1.0
 */
public class NotFoundException extends ShuffifyException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of thing is missing ({@code schedule}, {@code snapshot} …). */
    private final String kind;
    /** The id that was looked up. */
    private final String id;

    /**
     * Creates an exception for a missing thing.
     *
     * @param kind what was looked for, e.g. {@code schedule}
     * @param id its id
     */
    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' not found");
        this.kind = kind;
        this.id = id;
    }

    /**
     * What was looked for.
     *
     * @return e.g. {@code schedule}, {@code snapshot}, {@code pair}
     */
    public String kind() {
        return kind;
    }

    /**
     * The id that was looked for.
     *
     * @return the id
     */
    public String id() {
        return id;
    }
}
