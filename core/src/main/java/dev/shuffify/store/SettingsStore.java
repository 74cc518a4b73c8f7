package dev.shuffify.store;

import dev.shuffify.model.UserSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stores per-user settings.
 *
 * @since 0.1.0
 */
public interface SettingsStore {

    /**
     * A user's settings.
     *
     * @param userId the user
     * @return the settings, or empty when the user kept the defaults
     */
    Optional<UserSettings> find(String userId);

    /**
     * Stores a user's settings.
     *
     * @param userId the user
     * @param settings the settings
     */
    void save(String userId, UserSettings settings);

    /**
     * The settings of several users at once (one query in the JDBC store; the default asks one at a time).
     *
     * @param userIds the users
     * @return the stored settings by user id; users without any are absent
     * @since 0.2.0
     */
    default Map<String, UserSettings> findAll(Collection<String> userIds) {
        Map<String, UserSettings> found = new HashMap<>();
        for (String userId : new java.util.LinkedHashSet<>(userIds)) {
            find(userId).ifPresent(s -> found.put(userId, s));
        }
        return found;
    }
}
