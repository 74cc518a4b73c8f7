/**
 * The compatibility kit: abstract JUnit 5 suites that encode the contracts the library relies on. A
 * {@link dev.shuffify.spi.PlaylistService} implementation extends
 * {@link dev.shuffify.testkit.PlaylistServiceContract} in its tests, provides its hooks, and so shows that it
 * behaves like the real music service (every entry read, positions that count every entry, local files and
 * unavailable entries refused on writes, lost answers applied once).
 */
package dev.shuffify.testkit;
