package dev.shuffify.internal.engine;

import dev.shuffify.error.AuthenticationException;
import dev.shuffify.error.JobExecutionException;
import dev.shuffify.error.NotFoundException;
import dev.shuffify.error.ShuffifyException;
import dev.shuffify.error.ValidationException;
import dev.shuffify.model.Schedule;
import dev.shuffify.store.StoreException;

/** How a run's failure reads in its execution's message, and whether the store caused it. */
final class Failures {
    private Failures() {
    }

    static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Schedule schedule, Throwable e) {
        if (e instanceof AuthenticationException) {
            return e.getMessage() != null && e.getMessage().startsWith(AuthenticationException.MUST_LOG_IN_AGAIN)
                    ? e.getMessage() : AuthenticationException.MUST_LOG_IN_AGAIN + ": " + e.getMessage();
        }
        if (e instanceof NotFoundException nf && "user".equals(nf.kind())) {
            return "the owner of schedule '" + schedule.id() + "' is unknown to the music service: " + e.getMessage();
        }
        if (e instanceof JobExecutionException) {
            return e.getMessage();
        }
        if (e instanceof ValidationException) {
            return "schedule '" + schedule.id() + "' is no longer valid: " + e.getMessage();
        }
        String detail = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return schedule.jobType() + " failed: " + (e instanceof ShuffifyException ? detail
                : e.getClass().getSimpleName() + ": " + detail);
    }
}
