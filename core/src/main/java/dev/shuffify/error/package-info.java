/**
 * The exceptions of Shuffify's public API and SPI.
 *
 * <p>Every exception the library throws on purpose is a {@link dev.shuffify.error.ShuffifyException}:
 * {@link dev.shuffify.error.ValidationException} for bad input (it names the field), {@link
 * dev.shuffify.error.NotFoundException} for an id the caller may not see, {@link
 * dev.shuffify.error.PlaylistServiceException} and its subtypes for the music service's answers, {@link
 * dev.shuffify.error.JobExecutionException} for a job that failed, and {@link
 * dev.shuffify.error.PluginException} for a plugin that cannot be loaded. This package depends on no other
 * package of the library, so every other package may use it without forming an import cycle.
 */
package dev.shuffify.error;
