package dev.shuffify.guide;

import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.testkit.ShuffleAlgorithmContract;
import java.util.Map;

/** The guide's algorithm passes the test kit's algorithm properties, with a block size other than the default. */
class BlockShuffleContractTest extends ShuffleAlgorithmContract {
    @Override
    protected ShuffleAlgorithm algorithm() {
        return new BlockShuffle();
    }

    @Override
    protected Map<String, ?> params() {
        return Map.of("block_size", "4");
    }
}
