/**
 * Building blocks shared by the built-in algorithms: in-place shuffles, artist grouping, dithered
 * positions and parameter reading. Not API; may change at any time.
 */
package dev.shuffify.algorithms.internal;
