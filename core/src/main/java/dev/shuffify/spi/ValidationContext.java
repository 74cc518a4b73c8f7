package dev.shuffify.spi;

import dev.shuffify.model.JobSpec;

/**
 * What a {@link JobExecutor} sees when it validates a schedule.
 *
 * @since 0.1.0
 */
public interface ValidationContext {

    /**
     * The submitted spec.
     *
     * @return never null
     */
    JobSpec spec();

    /**
     * The job parameters, already checked against {@link JobExecutor#parameters()}, defaults filled in.
     *
     * @return never null
     */
    Params params();

    /**
     * The registered plugins, to check algorithm names or discovery strategies.
     *
     * @return never null
     */
    PluginLookup plugins();
}
