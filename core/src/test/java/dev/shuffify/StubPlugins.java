package dev.shuffify;

import dev.shuffify.error.ValidationException;
import dev.shuffify.model.DiscoverySource;
import dev.shuffify.model.JobResult;
import dev.shuffify.model.Track;
import dev.shuffify.spi.DiscoveryRequest;
import dev.shuffify.spi.DiscoveryStrategy;
import dev.shuffify.spi.JobContext;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import dev.shuffify.spi.ValidationContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Configurable plugins for facade tests. */
final class StubPlugins {
    private StubPlugins() {
    }

    /** A job type with the given parameters whose work is a function of its context. */
    static final class Job implements JobExecutor {
        private final String type;
        private final List<ParamSpec> parameters;
        private final Function<JobContext, JobResult> work;
        private Consumer<ValidationContext> validation = c -> {
        };
        private boolean requiresTarget = true;

        Job(String type, List<ParamSpec> parameters, Function<JobContext, JobResult> work) {
            this.type = type;
            this.parameters = parameters;
            this.work = work;
        }

        Job(String type, ParamSpec... parameters) {
            this(type, List.of(parameters), c -> JobResult.of(0, 0, 0));
        }

        Job validating(Consumer<ValidationContext> check) {
            this.validation = check;
            return this;
        }

        Job withoutTarget() {
            this.requiresTarget = false;
            return this;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return "stub " + type;
        }

        @Override
        public List<ParamSpec> parameters() {
            return parameters;
        }

        @Override
        public boolean requiresTarget() {
            return requiresTarget;
        }

        @Override
        public void validate(ValidationContext context) {
            validation.accept(context);
        }

        @Override
        public JobResult execute(JobContext context) {
            return work.apply(context);
        }
    }

    /** An algorithm that keeps the order, with aliases and parameters. */
    static final class Algorithm implements ShuffleAlgorithm {
        private final String name;
        private final List<String> aliases;
        private final List<ParamSpec> parameters;

        Algorithm(String name, List<String> aliases, ParamSpec... parameters) {
            this.name = name;
            this.aliases = aliases;
            this.parameters = List.of(parameters);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> aliases() {
            return aliases;
        }

        @Override
        public String description() {
            return "stub algorithm " + name;
        }

        @Override
        public List<ParamSpec> parameters() {
            return parameters;
        }

        @Override
        public void validate(Params params) {
            if (params.has("keep_first") && params.has("keep_last")
                    && params.getInt("keep_first") + params.getInt("keep_last") > 10) {
                throw new ValidationException("keep_last", "keep_first + keep_last must be at most 10");
            }
        }

        @Override
        public List<Track> shuffle(ShuffleRequest request) {
            return request.tracks();
        }
    }

    /** A strategy that finds nothing and insists on an argument. */
    static final class Strategy implements DiscoveryStrategy {
        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "stub strategy " + id;
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("limit", "").range(1, 50));
        }

        @Override
        public void validate(DiscoverySource source) {
            if (source.argument() == null || source.argument().isBlank()) {
                throw new ValidationException("argument", "a playlist id or link is required");
            }
        }

        @Override
        public List<Track> discover(DiscoveryRequest request) {
            return List.of();
        }
    }
}
