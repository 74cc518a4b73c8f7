/**
 * Micrometer metrics of a Shuffify facade: {@link dev.shuffify.micrometer.ShuffifyMetrics}, a
 * {@code MeterBinder} that any host binds to its registry, with or without Spring.
 */
package dev.shuffify.micrometer;
