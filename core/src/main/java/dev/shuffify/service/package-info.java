/**
 * The services the facade {@link dev.shuffify.Shuffify} exposes, one per concern: {@link ScheduleService
 * schedules}, {@link RunService runs}, {@link SnapshotService snapshots}, {@link PinService pins},
 * {@link PairService pairs}, {@link UserService users}, {@link OperationsService operations} and
 * {@link PluginService plugins}.
 *
 * <p>Three rules hold for every method:
 * <ul>
 * <li>A method that acts for a user takes the owner's id <em>first</em>, always: {@code (userId, scheduleId)},
 * never the other way round. Another user's schedule, snapshot, pin or pair is reported as not found, never as
 * forbidden. The operator's {@link OperationsService} and the {@link PluginService} act for no user.</li>
 * <li>No parameter accepts null; an optional value has an overload without it.</li>
 * <li>Bad input is refused before anything is stored or the music service is called, with a
 * {@link dev.shuffify.error.ValidationException} naming the parameter: null, blank, longer than the store's
 * column (ids and user ids 200 characters, names 1000, uris 500), out of range, or of the wrong kind. A message
 * quotes at most 64 characters of an input.</li>
 * </ul>
 *
 * @since 0.3.0
 */
package dev.shuffify.service;
