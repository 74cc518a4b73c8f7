package dev.shuffify.algorithms;

import dev.shuffify.spi.ShuffleAlgorithm;
import dev.shuffify.testkit.ShuffleAlgorithmContract;
import org.junit.jupiter.api.Nested;

/** Every built-in algorithm passes the test kit's permutation and determinism properties. */
class BuiltInAlgorithmContractTest {
    @Nested
    class Basic extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new BasicShuffle();
        }
    }

    @Nested
    class Percentage extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new PercentageShuffle();
        }
    }

    @Nested
    class Balanced extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new BalancedShuffle();
        }
    }

    @Nested
    class Stratified extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new StratifiedShuffle();
        }
    }

    @Nested
    class ArtistSpacing extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new ArtistSpacingShuffle();
        }
    }

    @Nested
    class AlbumSequence extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new AlbumSequenceShuffle();
        }
    }

    @Nested
    class NewestFirst extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new NewestFirstShuffle();
        }
    }

    @Nested
    class ArtistSpread extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new ArtistSpreadShuffle();
        }
    }

    @Nested
    class Merge extends ShuffleAlgorithmContract {
        @Override
        protected ShuffleAlgorithm algorithm() {
            return new MergeShuffle();
        }
    }
}
