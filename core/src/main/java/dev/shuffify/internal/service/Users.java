package dev.shuffify.internal.service;

import dev.shuffify.model.Activity;
import dev.shuffify.model.UserSettings;
import dev.shuffify.service.UserService;
import java.util.List;

/** The {@link UserService}. */
public final class Users implements UserService {
    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Users(ServiceContext context) {
        this.c = context;
    }

    @Override
    public UserSettings settings(String userId) {
        Check.userId(userId);
        return c.store().settings().find(userId).orElse(UserSettings.DEFAULTS);
    }

    @Override
    public void updateSettings(String userId, UserSettings settings) {
        Check.userId(userId);
        Check.present("settings", settings);
        c.store().settings().save(userId, settings);
    }

    @Override
    public List<Activity> activity(String userId, int limit) {
        Check.userId(userId);
        Check.limit(limit);
        return c.store().activity().listByUser(userId, limit);
    }
}
