package dev.shuffify.internal.service;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Preview;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.TriggerSource;
import dev.shuffify.service.RunService;
import java.util.List;

/** The {@link RunService}: run now, preview and history through the engine and the store. */
public final class Runs implements RunService {
    private final ServiceContext c;
    private final Schedules schedules;

    /**
     * Creates the service.
     *
     * @param context what the services share
     * @param schedules the schedules (for the ownership check)
     */
    public Runs(ServiceContext context, Schedules schedules) {
        this.c = context;
        this.schedules = schedules;
    }

    @Override
    public Execution runNow(String userId, String scheduleId) {
        Schedule schedule = schedules.get(userId, scheduleId);
        Execution done = c.engine().run(schedule, TriggerSource.MANUAL, 1);
        if (done.status() != ExecutionStatus.SUCCESS) {
            String error = done.errorMessage() != null ? done.errorMessage() : done.status().wireName();
            throw new JobExecutionException(error, null, done.id());
        }
        return done;
    }

    @Override
    public Preview preview(String userId, String scheduleId) {
        return c.engine().preview(schedules.get(userId, scheduleId));
    }

    @Override
    public List<Execution> history(String userId, String scheduleId, int limit) {
        Check.userId(userId);
        Check.id("scheduleId", scheduleId);
        Check.limit(limit);
        schedules.owned(userId, scheduleId);
        return c.store().executions().listBySchedule(scheduleId, limit);
    }
}
