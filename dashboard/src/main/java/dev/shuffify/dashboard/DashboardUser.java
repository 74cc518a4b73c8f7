package dev.shuffify.dashboard;

import java.util.Objects;

/**
 * Who is asking, as the host's {@link DashboardAuthenticator} says: a user id of the facade, and whether the
 * person is an operator. A user sees and changes only their own schedules and snapshots; an operator sees
 * every user's, and the scheduler's health.
 *
 * @param id the user id the facade knows (the owner of schedules); never blank
 * @param operator whether this person may see and steer every user's schedules
 * @since 0.2.0
 */
public record DashboardUser(String id, boolean operator) {

    /**
     * Validates the id.
     *
     * @param id the user id; never blank
     * @param operator whether the person is an operator
     * @throws IllegalArgumentException when the id is blank
     */
    public DashboardUser {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a dashboard user needs a non-blank id");
        }
    }

    /**
     * A user who sees only their own schedules.
     *
     * @param id the user id
     * @return the user
     */
    public static DashboardUser user(String id) {
        return new DashboardUser(id, false);
    }

    /**
     * An operator, who sees every user's schedules and the scheduler's health.
     *
     * @param id the operator's own user id
     * @return the operator
     */
    public static DashboardUser operator(String id) {
        return new DashboardUser(id, true);
    }
}
