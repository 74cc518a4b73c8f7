/**
 * The host API: the {@link dev.shuffify.Shuffify} facade, its builder, and the exception hierarchy under
 * {@link dev.shuffify.ShuffifyException}.
 */
package dev.shuffify;
