/**
 * The implementations of the {@code dev.shuffify.service} interfaces, the workflows they run (creating a pair,
 * restoring a snapshot …), the boundary checks ({@link dev.shuffify.internal.service.Check}) and the wiring
 * the builder uses. Internal: may change in any release.
 */
package dev.shuffify.internal.service;
