/**
 * Immutable value types shared by hosts and plugins: tracks, playlists, schedules, triggers, executions,
 * snapshots, pairs, pins, activity and settings. All are records, validated in their constructors, with
 * collections copied in.
 */
package dev.shuffify.model;
