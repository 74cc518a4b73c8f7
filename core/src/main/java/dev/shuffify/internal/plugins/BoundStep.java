package dev.shuffify.internal.plugins;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.JobSpec;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.PluginLookup;
import dev.shuffify.spi.ValidationContext;
import java.util.List;
import java.util.Set;

/**
 * One step of a chain: its job type, seeing only its own parameters ({@link Chain}) in every call — the
 * checks, the playlists it writes, and the run.
 */
public final class BoundStep implements JobExecutor {
    private final Chain chain;
    private final int index;
    private final JobExecutor delegate;

    BoundStep(Chain chain, int index, JobExecutor delegate) {
        this.chain = chain;
        this.index = index;
        this.delegate = delegate;
    }

    /**
     * The chain this step belongs to.
     *
     * @return never null
     */
    public Chain chain() {
        return chain;
    }

    /**
     * The step's job type itself.
     *
     * @return never null
     */
    public JobExecutor delegate() {
        return delegate;
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public String displayName() {
        return delegate.displayName();
    }

    @Override
    public List<ParamSpec> parameters() {
        return delegate.parameters();
    }

    @Override
    public boolean requiresTarget() {
        return delegate.requiresTarget();
    }

    @Override
    public boolean usesPair() {
        return delegate.usesPair();
    }

    @Override
    public SnapshotType snapshotType() {
        return delegate.snapshotType();
    }

    @Override
    public String summary(JobSpec spec) {
        return delegate.summary(chain.stepSpec(index, spec));
    }

    @Override
    public Set<String> otherPlaylistsWritten(JobSpec spec) {
        return delegate.otherPlaylistsWritten(chain.stepSpec(index, spec));
    }

    /** The step's own checks; when its parameters are invalid, those errors are the chain's to report. */
    @Override
    public void validate(ValidationContext context) {
        Params own;
        try {
            own = chain.parse(context.spec().params(), "params").get(index);
        } catch (ValidationException e) {
            return;
        }
        JobSpec spec = chain.stepSpec(index, context.spec());
        try {
            delegate.validate(new ValidationContext() {
                @Override
                public JobSpec spec() {
                    return spec;
                }

                @Override
                public Params params() {
                    return own;
                }

                @Override
                public PluginLookup plugins() {
                    return context.plugins();
                }
            });
        } catch (ValidationException e) {
            if (!chain.sectioned(context.spec().params())) {
                throw e;
            }
            String section = "params." + delegate.type() + ".";
            throw new ValidationException(e.errors().stream().map(f -> f.field().startsWith("params.")
                    ? new FieldError(section + f.field().substring("params.".length()), f.message()) : f).toList());
        }
    }

    @Override
    public JobResult execute(JobContext context) {
        Params own = chain.parse(context.spec().params(), "job.params").get(index);
        return delegate.execute(new StepContext(context, chain.stepSpec(index, context.spec()), own));
    }

    @Override
    public String toString() {
        return "step " + (index + 1) + " (" + delegate.type() + ") of " + chain.name();
    }
}
