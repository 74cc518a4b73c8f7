package dev.shuffify.guide;

import dev.shuffify.model.Track;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.spi.ShuffleRequest;
import java.util.ArrayList;
import java.util.List;

/** A shuffle algorithm: cuts the playlist into blocks of consecutive tracks and shuffles the blocks. */
public final class BlockShuffle implements ShuffleAlgorithm {

    @Override
    public String name() {
        return "block";
    }

    @Override
    public List<String> aliases() {
        return List.of("BlockShuffle");
    }

    @Override
    public String description() {
        return "Keeps runs of block_size tracks together and shuffles the order of the runs.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("block_size", "Tracks per block").range(1, 50).withDefault(3));
    }

    @Override
    public List<Track> shuffle(ShuffleRequest request) {
        int size = request.params().getInt("block_size");
        List<List<Track>> blocks = new ArrayList<>();
        List<Track> tracks = request.tracks();
        for (int from = 0; from < tracks.size(); from += size) {
            blocks.add(tracks.subList(from, Math.min(tracks.size(), from + size)));
        }
        for (int i = blocks.size() - 1; i > 0; i--) { // Fisher–Yates with the execution's random source
            int j = request.random().nextInt(i + 1);
            blocks.set(j, blocks.set(i, blocks.get(j)));
        }
        List<Track> out = new ArrayList<>(tracks.size());
        blocks.forEach(out::addAll);
        return out;
    }
}
