/**
 * Spring Boot auto-configuration of Shuffify: {@link dev.shuffify.spring.boot.ShuffifyProperties} (the
 * {@code shuffify.*} properties), the facade and its store, scheduler options and Spotify connector
 * ({@link dev.shuffify.spring.boot.ShuffifyAutoConfiguration}), the lifecycle that starts and stops it with the
 * context, the Actuator health indicator and the Micrometer binder.
 */
package dev.shuffify.spring.boot;
