/**
 * Optional helpers for plugin authors: keeping pinned tracks in place, and other pieces several plugins
 * need.
 */
package dev.shuffify.spi.support;
