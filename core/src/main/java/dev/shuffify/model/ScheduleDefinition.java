package dev.shuffify.model;

/**
 * What a host submits to create or update a schedule. Validated by the facade against the job type's
 * declared parameters before anything is stored.
 *
 * <pre>{@code
 * ScheduleDefinition def = ScheduleDefinition.of(spec, Trigger.named("daily"));
 * Schedule s = shuffify.schedules().create("alice", def);
 * }</pre>
 *
 * @param job what to do; never null
 * @param trigger when; never null
 * @param enabled whether the scheduler runs it (default true)
 * @param verifyWrites whether writes are verified after the job (default true)
 * @param misfirePolicy missed-slot policy (default {@link MisfirePolicy#RUN_ONCE})
 * @since 0.1.0
 */
public record ScheduleDefinition(
        JobSpec job, Trigger trigger, boolean enabled, boolean verifyWrites, MisfirePolicy misfirePolicy) {

    /**
     * Validates the required parts.
     *
     * @param job what to do; never null
     * @param trigger when; never null
     * @param enabled whether the scheduler runs it (default true)
     * @param verifyWrites whether writes are verified after the job (default true)
     * @param misfirePolicy missed-slot policy (default {@link MisfirePolicy#RUN_ONCE})
     */
    public ScheduleDefinition {
        if (job == null) {
            throw new dev.shuffify.error.ValidationException("job", "is required");
        }
        if (trigger == null) {
            throw new dev.shuffify.error.ValidationException("trigger", "is required");
        }
        misfirePolicy = misfirePolicy == null ? MisfirePolicy.RUN_ONCE : misfirePolicy;
    }

    /**
     * An enabled, verified definition with the default misfire policy.
     *
     * @param job what to do
     * @param trigger when
     * @return the definition
     */
    public static ScheduleDefinition of(JobSpec job, Trigger trigger) {
        return new ScheduleDefinition(job, trigger, true, true, MisfirePolicy.RUN_ONCE);
    }

    /**
     * A copy enabled or disabled.
     *
     * @param value the flag
     * @return a copy
     */
    public ScheduleDefinition withEnabled(boolean value) {
        return new ScheduleDefinition(job, trigger, value, verifyWrites, misfirePolicy);
    }

    /**
     * A copy with verification on or off.
     *
     * @param value the flag
     * @return a copy
     */
    public ScheduleDefinition withVerifyWrites(boolean value) {
        return new ScheduleDefinition(job, trigger, enabled, value, misfirePolicy);
    }

    /**
     * A copy with another misfire policy.
     *
     * @param value the policy
     * @return a copy
     */
    public ScheduleDefinition withMisfirePolicy(MisfirePolicy value) {
        return new ScheduleDefinition(job, trigger, enabled, verifyWrites, value);
    }
}
