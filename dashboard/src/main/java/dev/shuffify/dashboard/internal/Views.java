package dev.shuffify.dashboard.internal;

import java.util.List;
import java.util.Map;

/** The JSON API's shapes: field names are part of the documented API ({@code docs/dashboard.md}). */
public final class Views {
    private Views() {
    }

    /** {@code GET api/session}. */
    public record SessionView(String userId, boolean operator, String csrfToken, boolean readsPlaylists) {
    }

    /** One schedule in a list or on its page. */
    public record ScheduleView(String id, String userId, String jobType, String targetId, String targetName,
            String trigger, String algorithm, String state, boolean enabled, String runningOn, String nextRunAt,
            String lastRunAt, String lastStatus, String lastError, String createdAt) {
    }

    /** {@code GET api/schedules}. */
    public record ScheduleList(List<ScheduleView> schedules, List<String> jobTypes, List<String> users) {
    }

    /** One execution. */
    public record ExecutionView(String id, String scheduleId, String status, String triggerSource, int attempt,
            String startedAt, String completedAt, Long durationMs, int tracksAdded, int tracksRemoved,
            int tracksTotal, String error, List<String> warnings) {
    }

    /** The runs of one UTC day, per status. */
    public record DayView(String day, Map<String, Long> counts) {
    }

    /** {@code GET api/schedules/{id}/history}. */
    public record HistoryView(ScheduleView schedule, List<ExecutionView> executions, List<DayView> runsPerDay) {
    }

    /** A track as the page shows it. */
    public record TrackView(String uri, String name, String artist) {
    }

    /** One write a preview plans. */
    public record ChangeView(String operation, String playlistId, int tracks, Integer position, int rangeLength,
            int insertBefore) {
    }

    /** {@code GET api/schedules/{id}/preview}. */
    public record PreviewView(String scheduleId, int tracksAdded, int tracksRemoved, int tracksTotal,
            List<String> warnings, List<ChangeView> changes, List<TrackView> adds, List<TrackView> removes,
            List<TrackView> newOrder) {
    }

    /** {@code POST api/schedules/{id}/run}. */
    public record RunView(boolean succeeded, ExecutionView execution, String error) {
    }

    /** What changed between a snapshot and the state after it. */
    public record ChangeSummary(int added, int removed, boolean orderChanged, String comparedWith) {
    }

    /** One snapshot. */
    public record SnapshotView(String id, String userId, String playlistId, String playlistName, String type,
            String trigger, String createdAt, int tracks, ChangeSummary changedAfter) {
    }

    /** {@code GET api/playlists/{id}/snapshots}. */
    public record SnapshotList(String playlistId, String playlistName, String userId, List<SnapshotView> snapshots) {
    }

    /** A playlist the person's schedules write to. */
    public record PlaylistView(String id, String name, String userId, int schedules) {
    }

    /** {@code GET api/playlists}. */
    public record PlaylistList(List<PlaylistView> playlists) {
    }

    /** {@code GET api/snapshots/{id}/restore-plan}: what a restore would do, before it is confirmed. */
    public record RestorePlanView(String snapshotId, String playlistId, String playlistName, String basis,
            int tracksNow, int tracksAfter, List<TrackView> adds, List<TrackView> removes, boolean orderChanges,
            int moved) {
    }

    /** {@code POST api/snapshots/{id}/restore}. */
    public record RestoreView(String snapshotId, String playlistId, String safetySnapshotId, boolean complete,
            List<String> notRestored, List<String> notRemoved, int writeCalls) {
    }

    /** One entry of a spread picture: its artist and whether the entry before it has the same. */
    public record SpreadEntry(String artist, boolean sameAsPrevious) {
    }

    /** A playlist's order by artist. */
    public record SpreadRow(String label, String at, List<SpreadEntry> entries, int sameArtistNeighbours,
            int artists) {
    }

    /** {@code GET api/schedules/{id}/spread}. */
    public record SpreadView(String scheduleId, boolean available, String reason, String executionId,
            String playlistId, SpreadRow before, SpreadRow after) {
    }

    /** {@code GET api/health} (operators). */
    public record HealthView(String checkedAt, boolean storeUp, String storeError, long storeLatencyMs,
            boolean schedulerRunning, String lastPollAt, Long lastPollAgeSeconds, long dueSchedules,
            String oldestDueAt, Long oldestDueAgeSeconds, int claimsHeld, Map<String, Long> accounts,
            Map<String, Long> executions, Integer rateBudgetInWindow, Integer rateBudget) {
    }

    /** Any error. */
    public record ErrorView(String error) {
    }
}
