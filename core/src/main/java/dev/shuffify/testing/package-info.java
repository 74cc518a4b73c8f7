/**
 * Test support for plugin authors: {@link dev.shuffify.testing.ExecutorHarness} runs job types in isolation
 * against the in-memory music service and store, through the same engine hosts use, with a settable
 * {@link dev.shuffify.testing.TestClock}.
 */
package dev.shuffify.testing;
