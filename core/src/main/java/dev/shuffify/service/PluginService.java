package dev.shuffify.service;

import dev.shuffify.spi.PluginDescriptor;
import java.util.List;

/**
 * The plugins this instance found or was given.
 *
 * <pre>{@code
 * shuffify.plugins().list().forEach(p -> System.out.println(p.kind() + " " + p.id()));
 * }</pre>
 *
 * @since 0.3.0
 */
public interface PluginService {

    /**
     * Every plugin found or registered: job types, algorithms and discovery strategies, with id, description,
     * parameters and the jar it came from.
     *
     * @return the plugins, job types first
     */
    List<PluginDescriptor> list();

    /**
     * The job types this instance accepts, chains (such as {@code raid_and_shuffle}) included; all lower-case.
     *
     * @return the job type names
     */
    List<String> jobTypes();
}
