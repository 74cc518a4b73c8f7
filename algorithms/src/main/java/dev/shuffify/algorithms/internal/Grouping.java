package dev.shuffify.algorithms.internal;

import dev.shuffify.model.Album;
import dev.shuffify.model.Artist;
import dev.shuffify.model.Track;
import java.util.List;

/**
 * The tracks of a playlist grouped by a key (artist or album) into flat arrays: groups are numbered in order of
 * their first appearance, and {@link #members} holds the track indices group by group, each group in playlist
 * order ({@code members[start[g] .. start[g + 1])} are group {@code g}'s tracks).
 *
 * <p>The keys are exactly {@link Track#primaryArtistKey()} or {@link Track#albumKey()}, read without building a
 * string per track when the artist or album has an id. The track objects are read in separate passes (the
 * list, then each track's field, then the key object, then its hash), each of which loads one independent object
 * per track, so the processor can wait for many of them at once instead of one chain of loads per track.
 */
public final class Grouping {
    /** The number of groups. */
    public final int count;
    /** For each track index, its group. */
    public final int[] groupOf;
    /** {@code count + 1} offsets into {@link #members}. */
    public final int[] start;
    /** Track indices, group by group, each group in playlist order. */
    public final int[] members;

    private Grouping(int count, int[] groupOf, int[] start, int[] members) {
        this.count = count;
        this.groupOf = groupOf;
        this.start = start;
        this.members = members;
    }

    /**
     * Groups by {@link Track#primaryArtistKey()}.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @return the grouping
     */
    public static Grouping byArtist(Object[] tracks) {
        int n = tracks.length;
        Object[] key = new Object[n];
        for (int i = 0; i < n; i++) {
            key[i] = ((Track) tracks[i]).artists();
        }
        for (int i = 0; i < n; i++) {
            List<?> artists = (List<?>) key[i];
            key[i] = artists.isEmpty() ? null : artists.get(0);
        }
        for (int i = 0; i < n; i++) {
            Artist artist = (Artist) key[i];
            key[i] = artist == null ? null : artist.id();
        }
        return index(tracks, key, true);
    }

    /**
     * Groups by {@link Track#albumKey()}.
     *
     * @param tracks the tracks, every element a {@link Track}
     * @return the grouping
     */
    public static Grouping byAlbum(Object[] tracks) {
        int n = tracks.length;
        Object[] key = new Object[n];
        for (int i = 0; i < n; i++) {
            key[i] = ((Track) tracks[i]).album();
        }
        for (int i = 0; i < n; i++) {
            Album album = (Album) key[i];
            key[i] = album == null ? null : album.id();
        }
        return index(tracks, key, false);
    }

    /**
     * Numbers the keys. {@code ids[i]} is the service id of the track's artist or album, or null; a null or blank
     * id falls back to the track's own key method, which then names the track's key exactly.
     */
    private static Grouping index(Object[] tracks, Object[] ids, boolean artist) {
        int n = tracks.length;
        int[] hash = new int[n];
        for (int i = 0; i < n; i++) {
            Object id = ids[i];
            hash[i] = id == null ? 0 : id.hashCode();
        }
        // the length reads each key's characters in a pass of its own: the comparisons below find them at hand
        for (int i = 0; i < n; i++) {
            Object id = ids[i];
            hash[i] = id == null ? 0 : mix(hash[i], ((String) id).length());
        }
        KeyTable table = new KeyTable(n);
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            String key = (String) ids[i];
            int group = key == null ? -1 : table.find(key, hash[i]);
            if (group < 0) {
                if (key == null || key.isBlank()) {
                    Track track = (Track) tracks[i];
                    key = artist ? track.primaryArtistKey() : track.albumKey();
                    group = table.findOrAdd(key, mix(key.hashCode(), key.length()));
                } else {
                    group = table.add(key, hash[i]);
                }
            }
            groupOf[i] = group;
        }
        return of(groupOf, table.size);
    }

    /**
     * Builds the member lists from each track's group.
     *
     * @param groupOf each track's group, groups numbered {@code 0 .. count - 1}
     * @param count the number of groups
     * @return the grouping
     */
    public static Grouping of(int[] groupOf, int count) {
        int n = groupOf.length;
        int[] start = new int[count + 1];
        for (int i = 0; i < n; i++) {
            start[groupOf[i] + 1]++;
        }
        for (int g = 0; g < count; g++) {
            start[g + 1] += start[g];
        }
        int[] fill = new int[count];
        System.arraycopy(start, 0, fill, 0, count);
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[fill[groupOf[i]]++] = i;
        }
        return new Grouping(count, groupOf, start, members);
    }

    /**
     * The size of a group.
     *
     * @param group the group
     * @return its track count
     */
    public int size(int group) {
        return start[group + 1] - start[group];
    }

    private static int mix(int hash, int length) {
        return hash ^ length << 24;
    }

    /** Open addressing from key strings to group numbers, numbered in order of insertion. */
    private static final class KeyTable {
        private String[] keys;
        private int[] hashes;
        private int[] groups;
        private int mask;
        private int shift;
        int size;

        KeyTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected / 4)) * 2;
            keys = new String[capacity];
            hashes = new int[capacity];
            groups = new int[capacity];
            mask = capacity - 1;
            shift = Integer.numberOfLeadingZeros(capacity) + 1;
        }

        int find(String key, int hash) {
            for (int slot = slotOf(hash); keys[slot] != null; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && (keys[slot] == key || keys[slot].equals(key))) {
                    return groups[slot];
                }
            }
            return -1;
        }

        int findOrAdd(String key, int hash) {
            int found = find(key, hash);
            return found >= 0 ? found : add(key, hash);
        }

        /** Adds a key known to be absent. */
        int add(String key, int hash) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int slot = slotOf(hash);
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            groups[slot] = size;
            return size++;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldGroups = groups;
            keys = new String[oldKeys.length * 2];
            hashes = new int[keys.length];
            groups = new int[keys.length];
            mask = keys.length - 1;
            shift--;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = slotOf(oldHashes[i]);
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    hashes[slot] = oldHashes[i];
                    groups[slot] = oldGroups[i];
                }
            }
        }

        /** Fibonacci hashing: the top bits of the hash times the golden ratio. */
        private int slotOf(int hash) {
            return (hash * 0x9E3779B9) >>> shift;
        }
    }
}
