package dev.shuffify.service;

import dev.shuffify.model.Activity;
import dev.shuffify.model.UserSettings;
import java.util.List;

/**
 * A user's settings and activity log.
 *
 * <pre>{@code
 * shuffify.users().updateSettings("alice", new UserSettings(true, 20));
 * List<Activity> recent = shuffify.users().activity("alice", 50);
 * }</pre>
 *
 * @since 0.3.0
 */
public interface UserService {

    /**
     * A user's settings (defaults when none were saved).
     *
     * @param userId the user
     * @return the settings
     */
    UserSettings settings(String userId);

    /**
     * Saves a user's settings.
     *
     * @param userId the user
     * @param settings the settings
     */
    void updateSettings(String userId, UserSettings settings);

    /**
     * A user's activity log, newest first.
     *
     * @param userId the user
     * @param limit the most to return (1 to 10,000)
     * @return the entries
     */
    List<Activity> activity(String userId, int limit);
}
