package dev.shuffify.internal.scheduler;

import dev.shuffify.error.NotFoundException;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.store.ScheduleClaim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An operator's controls of schedules: their state, pause and resume (the next run from {@code NextRun}). */
final class ScheduleControls {
    private final SchedulerState s;

    ScheduleControls(SchedulerState s) {
        this.s = s;
    }

    List<ScheduleState> jobs() {
        return withLeases(s.store.schedules().listAll());
    }

    List<ScheduleState> jobs(String userId) {
        return withLeases(s.store.schedules().listByUser(userId));
    }

    private List<ScheduleState> withLeases(List<Schedule> schedules) {
        Map<String, ScheduleClaim> held = s.store.schedules().listLeases().stream()
                .collect(Collectors.toMap(ScheduleClaim::scheduleId, Function.identity(), (a, b) -> a));
        return schedules.stream().map(sc -> {
            ScheduleClaim lease = held.get(sc.id());
            return new ScheduleState(sc, lease == null ? null : lease.owner(),
                    lease == null ? null : lease.expiresAt());
        }).toList();
    }

    Schedule pause(String scheduleId) {
        Schedule paused = require(scheduleId).withEnabled(false, s.clock.instant());
        s.store.schedules().save(paused);
        return paused;
    }

    Schedule resume(String scheduleId) {
        Schedule current = require(scheduleId);
        Instant now = s.clock.instant();
        Schedule resumed = current.withEnabled(true, now).withNextRunAt(s.nextRun.resumed(current, now));
        s.store.schedules().save(resumed);
        return resumed;
    }

    Schedule require(String scheduleId) {
        return s.store.schedules().find(scheduleId).orElseThrow(() -> new NotFoundException("schedule",
                scheduleId));
    }
}
