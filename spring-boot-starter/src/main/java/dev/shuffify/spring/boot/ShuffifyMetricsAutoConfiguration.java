package dev.shuffify.spring.boot;

import dev.shuffify.Shuffify;
import dev.shuffify.micrometer.ShuffifyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link ShuffifyMetrics} binder when the application has a {@link MeterRegistry}; Spring Boot's
 * metrics support binds it to every registry.
 *
 * @since 0.2.0
 */
@AutoConfiguration(after = ShuffifyAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, ShuffifyMetrics.class})
@ConditionalOnBean({MeterRegistry.class, Shuffify.class})
public class ShuffifyMetricsAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public ShuffifyMetricsAutoConfiguration() {
    }

    /**
     * The binder; closed with the context.
     *
     * @param shuffify the facade
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    public ShuffifyMetrics shuffifyMetrics(Shuffify shuffify) {
        return new ShuffifyMetrics(shuffify);
    }
}
