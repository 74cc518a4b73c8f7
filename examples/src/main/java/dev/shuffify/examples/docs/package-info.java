/**
 * The code shown in {@code docs/getting-started.md}, {@code docs/concepts.md}, {@code docs/configuration.md},
 * {@code docs/operations.md} and {@code docs/job-types.md}: every {@code java} block of those pages is copied,
 * line for line, from a class in this package ({@code DocsInSyncTest} checks it), and the tests in the same
 * package run the classes against the in-memory music service, so the code in the docs compiles and does what
 * the docs say.
 */
package dev.shuffify.examples.docs;
