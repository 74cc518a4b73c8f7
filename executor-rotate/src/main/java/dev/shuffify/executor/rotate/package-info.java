/**
 * The {@code rotate} job type: cycles tracks between a production playlist and the archive it is paired with
 * ({@code archive_oldest}, {@code refresh}, {@code swap}), adding before removing so that no track is ever in
 * neither playlist.
 */
package dev.shuffify.executor.rotate;
