package dev.shuffify.internal.service;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.ScheduleDefinition;
import dev.shuffify.service.ScheduleService;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@link ScheduleService}: validates, normalises, stores, and logs the user's activity. */
public final class Schedules implements ScheduleService {
    private final ServiceContext c;

    /**
     * Creates the service.
     *
     * @param context what the services share
     */
    public Schedules(ServiceContext context) {
        this.c = context;
    }

    @Override
    public Schedule create(String userId, ScheduleDefinition definition) {
        Check.userId(userId);
        ScheduleDefinition def = validated(definition);
        Instant now = c.clock().instant();
        Schedule schedule = new Schedule(c.ids().get(), userId, def.job(), def.trigger(), def.enabled(),
                def.verifyWrites(), def.misfirePolicy(), now, now, null, null, null,
                c.scheduler().nextRun().first(def.trigger(), def.enabled(), now));
        c.store().schedules().save(schedule);
        c.logActivity(userId, ActivityType.SCHEDULE_CREATED, "created a " + schedule.jobType() + " schedule",
                Map.of("scheduleId", schedule.id()));
        return schedule;
    }

    @Override
    public Schedule update(String userId, String scheduleId, ScheduleDefinition definition) {
        Check.userId(userId);
        Check.id("scheduleId", scheduleId);
        ScheduleDefinition def = validated(definition);
        Schedule current = owned(userId, scheduleId);
        Instant now = c.clock().instant();
        Schedule updated = new Schedule(current.id(), userId, def.job(), def.trigger(), def.enabled(),
                def.verifyWrites(), def.misfirePolicy(), current.createdAt(), now, current.lastRunAt(),
                current.lastStatus(), current.lastError(), c.scheduler().nextRun().first(def.trigger(),
                        def.enabled(), now));
        c.store().schedules().save(updated);
        c.logActivity(userId, ActivityType.SCHEDULE_UPDATED, "updated a " + updated.jobType() + " schedule",
                Map.of("scheduleId", updated.id()));
        return updated;
    }

    @Override
    public Schedule setEnabled(String userId, String scheduleId, boolean enabled) {
        Schedule current = get(userId, scheduleId);
        Instant now = c.clock().instant();
        Schedule updated = current.withEnabled(enabled, now)
                .withNextRunAt(enabled ? c.scheduler().nextRun().resumed(current, now) : null);
        c.store().schedules().save(updated);
        return updated;
    }

    @Override
    public void delete(String userId, String scheduleId) {
        Schedule current = get(userId, scheduleId);
        c.store().schedules().delete(current.id());
        c.logActivity(userId, ActivityType.SCHEDULE_DELETED, "deleted a " + current.jobType() + " schedule",
                Map.of("scheduleId", current.id()));
    }

    @Override
    public Schedule get(String userId, String scheduleId) {
        Check.userId(userId);
        Check.id("scheduleId", scheduleId);
        return owned(userId, scheduleId);
    }

    @Override
    public List<Schedule> list(String userId) {
        Check.userId(userId);
        return c.store().schedules().listByUser(userId);
    }

    @Override
    public List<ScheduleState> states(String userId) {
        Check.userId(userId);
        return c.scheduler().jobs(userId);
    }

    /** The user's schedule, ids already checked. */
    Schedule owned(String userId, String scheduleId) {
        return c.store().schedules().find(scheduleId).filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("schedule", scheduleId));
    }

    private ScheduleDefinition validated(ScheduleDefinition definition) {
        ScheduleDefinition def = Check.definition(definition, c.jobTypes().names());
        try {
            c.jobTypes().validate(def.job());
        } catch (ValidationException e) {
            throw Check.bounded(e);
        }
        return def;
    }
}
