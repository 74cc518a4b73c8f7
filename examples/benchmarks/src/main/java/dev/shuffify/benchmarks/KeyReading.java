package dev.shuffify.benchmarks;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The least an algorithm that orders by a track's artist, album or added date must do, timed like an algorithm:
 * copy the list and read that key of every track — for an artist or album its id's hash and length (two
 * strings can only be told equal or apart through their characters), for a date its seconds — in passes of one
 * object per track, with no grouping, no sort and no random draw. The list it returns is the copy, unshuffled.
 * Table 4a shows these next to the algorithms as the bound no implementation can go below on the same tracks.
 */
public final class KeyReading implements ShuffleAlgorithm {
    /** Which key is read. */
    public enum Key {
        /** {@code artists().get(0).id()}. */
        ARTIST,
        /** {@code album().id()}. */
        ALBUM,
        /** {@code addedAt()}. */
        ADDED_AT
    }

    private final Key key;
    private volatile long sink;

    /**
     * Reads one key.
     *
     * @param key the key
     */
    public KeyReading(Key key) {
        this.key = key;
    }

    @Override
    public String name() {
        return switch (key) {
            case ARTIST -> "(bound) read every artist key";
            case ALBUM -> "(bound) read every album key";
            case ADDED_AT -> "(bound) read every added date";
        };
    }

    @Override
    public String description() {
        return "Copies the list and reads one key of every track: the least an algorithm by that key does.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        Object[] tracks = request.tracks().toArray();
        int n = tracks.length;
        Object[] step = new Object[n];
        long sum = 0;
        if (key == Key.ADDED_AT) {
            for (int i = 0; i < n; i++) {
                step[i] = ((Track) tracks[i]).addedAt();
            }
            for (int i = 0; i < n; i++) {
                sum += step[i] == null ? 0 : ((Instant) step[i]).getEpochSecond();
            }
        } else {
            if (key == Key.ARTIST) {
                for (int i = 0; i < n; i++) {
                    step[i] = ((Track) tracks[i]).artists();
                }
                for (int i = 0; i < n; i++) {
                    List<?> artists = (List<?>) step[i];
                    step[i] = artists.isEmpty() ? null : artists.get(0);
                }
                for (int i = 0; i < n; i++) {
                    step[i] = step[i] == null ? null : ((Artist) step[i]).id();
                }
            } else {
                for (int i = 0; i < n; i++) {
                    step[i] = ((Track) tracks[i]).album();
                }
                for (int i = 0; i < n; i++) {
                    step[i] = step[i] == null ? null : ((Album) step[i]).id();
                }
            }
            int[] hash = new int[n];
            for (int i = 0; i < n; i++) {
                hash[i] = step[i] == null ? 0 : step[i].hashCode();
            }
            for (int i = 0; i < n; i++) {
                sum += hash[i] + (step[i] == null ? 0 : ((String) step[i]).length());
            }
        }
        sink += sum;
        return new ArrayList<>(request.tracks());
    }
}
