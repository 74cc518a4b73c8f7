/**
 * The host API: the {@link dev.shuffify.Shuffify} facade, its builder and the scheduler's options. The
 * exceptions live in {@code dev.shuffify.error}, the listener types in {@code dev.shuffify.event}.
 */
package dev.shuffify;
