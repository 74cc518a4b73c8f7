package dev.shuffify.store;

import dev.shuffify.model.UserSettings;
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
}
