package dev.shuffify.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.shuffify.json.IsoText.IsoDuration;
import dev.shuffify.json.IsoText.IsoInstant;
import java.time.Duration;
import java.time.Instant;

/**
 * Mix-ins that keep Jackson annotations off the model records: their points in time and lengths are ISO-8601
 * text, and derived {@code isX()} methods are not properties.
 */
final class ModelMixIns {
    private ModelMixIns() {
    }

    interface AccountMixIn {
        @IsoInstant
        Instant updatedAt();
    }

    interface ActivityMixIn {
        @IsoInstant
        Instant createdAt();
    }

    interface ExecutionMixIn {
        @IsoInstant
        Instant startedAt();

        @IsoInstant
        Instant completedAt();
    }

    interface MembershipMixIn {
        @IsoInstant
        Instant firstSeenAt();

        @IsoInstant
        Instant leftAt();

        @JsonIgnore
        boolean isPresent();
    }

    interface PinMixIn {
        @IsoInstant
        Instant until();

        @JsonIgnore
        boolean isByUri();
    }

    interface PlaylistPairMixIn {
        @IsoInstant
        Instant createdAt();
    }

    interface ScheduleMixIn {
        @IsoInstant
        Instant createdAt();

        @IsoInstant
        Instant updatedAt();

        @IsoInstant
        Instant lastRunAt();

        @IsoInstant
        Instant nextRunAt();
    }

    interface ScheduleStateMixIn {
        @IsoInstant
        Instant leaseExpiresAt();
    }

    interface SnapshotMixIn {
        @IsoInstant
        Instant createdAt();
    }

    interface TrackMixIn {
        @IsoDuration
        Duration duration();

        @IsoInstant
        Instant addedAt();
    }
}
