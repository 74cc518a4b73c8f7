package dev.shuffify.internal.engine;

import dev.shuffify.event.JobListener;
import dev.shuffify.spi.PlaylistServiceConnector;
import dev.shuffify.store.ShuffifyStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Everything the engine is built from.
 *
 * @param store the store
 * @param connector gives a music service per user
 * @param jobTypes the job types and chains
 * @param clock the clock
 * @param randomFactory a random source per execution id
 * @param ids generates ids
 * @param listeners job listeners
 */
public record EngineConfig(ShuffifyStore store, PlaylistServiceConnector connector, JobTypes jobTypes, Clock clock,
        Function<String, RandomGenerator> randomFactory, Supplier<String> ids, List<JobListener> listeners) {
}
