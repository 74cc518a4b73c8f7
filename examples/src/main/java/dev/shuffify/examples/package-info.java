/**
 * Runnable host applications: the embedded demo ({@link dev.shuffify.examples.EmbeddedDemo}) and its seeded
 * music library.
 */
package dev.shuffify.examples;
