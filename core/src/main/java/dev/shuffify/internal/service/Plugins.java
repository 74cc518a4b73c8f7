package dev.shuffify.internal.service;

import dev.shuffify.internal.engine.JobTypes;
import dev.shuffify.service.PluginService;
import dev.shuffify.spi.PluginDescriptor;
import java.util.List;

/** The {@link PluginService}. */
public final class Plugins implements PluginService {
    private final JobTypes jobTypes;

    /**
     * Creates the service.
     *
     * @param jobTypes the job types, over the plugin registry
     */
    public Plugins(JobTypes jobTypes) {
        this.jobTypes = jobTypes;
    }

    @Override
    public List<PluginDescriptor> list() {
        return jobTypes.registry().describe();
    }

    @Override
    public List<String> jobTypes() {
        return jobTypes.names();
    }
}
