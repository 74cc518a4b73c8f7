package dev.shuffify.internal.engine;

import dev.shuffify.event.JobEvent;
import dev.shuffify.event.JobListener;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Schedule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job listeners: every event of a run goes through here, and a failing listener never fails a run. */
final class EngineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
    private final List<JobListener> listeners;

    EngineEvents(List<JobListener> listeners) {
        this.listeners = listeners;
    }

    void fire(JobEvent event) {
        for (JobListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("job listener {} failed on {}", listener.getClass().getName(), event.type(), e);
            }
        }
    }

    void fire(JobEvent.Type type, Schedule schedule, Execution execution, String message) {
        fire(new JobEvent(type, schedule.id(), schedule.userId(), schedule.jobType(), execution, message));
    }

    /** A job's progress line: logged and sent to the listeners. */
    void progress(Schedule schedule, String executionId, String message) {
        LOG.info("{}", message);
        fire(JobEvent.Type.PROGRESS, schedule, null, message);
    }

    static JobEvent.Type typeOf(ExecutionStatus status) {
        return switch (status) {
            case SUCCESS -> JobEvent.Type.SUCCEEDED;
            case SKIPPED -> JobEvent.Type.SKIPPED;
            default -> JobEvent.Type.FAILED;
        };
    }
}
