package dev.shuffify.error;

import java.io.Serial;

/**
 * A job failed. Thrown by executors to end an execution with a failure, and by
 * {@code Shuffify.runs().runNow} when a user's run failed (carrying the execution's last error).
 *
 * @since 0.1.0
 */
public class JobExecutionException extends ShuffifyException {
    /** The serialized form's version. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** The failed execution, or null when none was recorded. */
    private final String executionId;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed and why; never null
     */
    public JobExecutionException(String message) {
        this(message, null, null);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed and why; never null
     * @param cause the underlying failure; may be null
     */
    public JobExecutionException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates an exception that names the execution it belongs to.
     *
     * @param message what failed and why; never null
     * @param cause the underlying failure; may be null
     * @param executionId the failed execution's id; may be null
     */
    public JobExecutionException(String message, Throwable cause, String executionId) {
        super(message, cause);
        this.executionId = executionId;
    }

    /**
     * The id of the failed execution, when known.
     *
     * @return the id, or null when the failure happened before an execution was recorded
     */
    public String executionId() {
        return executionId;
    }
}
