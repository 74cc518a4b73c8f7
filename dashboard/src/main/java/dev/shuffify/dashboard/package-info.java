/**
 * The Shuffify dashboard: a web page and a small JSON API over a {@link dev.shuffify.Shuffify} facade.
 *
 * <p>{@link dev.shuffify.dashboard.Dashboard#builder(dev.shuffify.Shuffify)} makes one; it serves itself on the
 * JDK's HTTP server ({@link dev.shuffify.dashboard.Dashboard.Builder#start(int)}) or answers requests a host
 * passes in ({@link dev.shuffify.dashboard.Dashboard#handle(DashboardRequest)}, which the Spring Boot starter
 * mounts). Nothing is served until the host supplies a {@link dev.shuffify.dashboard.DashboardAuthenticator}.
 *
 * @since 0.2.0
 */
package dev.shuffify.dashboard;
