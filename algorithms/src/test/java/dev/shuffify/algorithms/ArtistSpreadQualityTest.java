package dev.shuffify.algorithms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shuffify.spi.ShuffleAlgorithm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Artist-spread quality on skewed playlists (N = 300, a long tail of small artists), averaged over
 * {@value SpreadQuality#SEEDS} seeds. The full table: {@link QualityReport}.
 */
class ArtistSpreadQualityTest {
    private final SpreadQuality.Result basic = SpreadQuality.measure(new BasicShuffle(), Map.of(),
            SpreadQuality.THIRD);

    @Test
    void mergeShuffleReachesTheFloorOnEverySeed() {
        for (SpreadQuality.Scenario scenario : new SpreadQuality.Scenario[] {SpreadQuality.THIRD,
                SpreadQuality.SIXTY_PERCENT}) {
            SpreadQuality.Result merge = SpreadQuality.measure(new MergeShuffle(), Map.of(), scenario);

            assertThat(merge.seedsAtFloor()).as(scenario.label()).isEqualTo(SpreadQuality.SEEDS);
            assertThat(merge.adjacentPairs()).as(scenario.label()).isEqualTo(merge.floor());
        }
        assertThat(SpreadQuality.measure(new MergeShuffle(), Map.of(), SpreadQuality.SIXTY_PERCENT).floor())
                .isEqualTo(59);
    }

    @Test
    void artistSpacingReachesTheFloorWithItsDefaultSpacing() {
        for (SpreadQuality.Scenario scenario : new SpreadQuality.Scenario[] {SpreadQuality.THIRD,
                SpreadQuality.SIXTY_PERCENT}) {
            SpreadQuality.Result spacing = SpreadQuality.measure(new ArtistSpacingShuffle(), Map.of(), scenario);

            assertThat(spacing.seedsAtFloor()).as(scenario.label()).isEqualTo(SpreadQuality.SEEDS);
        }
    }

    @Test
    void artistAwareAlgorithmsBeatBasicByAWideMargin() {
        SpreadQuality.Result spread = SpreadQuality.measure(new ArtistSpreadShuffle(), Map.of(), SpreadQuality.THIRD);
        SpreadQuality.Result spacing = SpreadQuality.measure(new ArtistSpacingShuffle(), Map.of(),
                SpreadQuality.THIRD);

        assertThat(basic.adjacentPairs()).isGreaterThan(25);
        assertThat(spread.adjacentPairs()).isLessThan(basic.adjacentPairs() * 0.5);
        assertThat(spacing.adjacentPairs()).isZero();
        assertThat(spread.relativeMinDistance()).isGreaterThan(basic.relativeMinDistance() * 1.8);
        assertThat(spacing.relativeMinDistance()).isGreaterThan(basic.relativeMinDistance() * 1.8);
    }

    @Test
    void theTopArtistComesBackAtLeastEveryOtherTrackAndOnAverageAtTheIdealDistance() {
        for (ShuffleAlgorithm algorithm : new ShuffleAlgorithm[] {new MergeShuffle(), new ArtistSpacingShuffle()}) {
            SpreadQuality.Result r = SpreadQuality.measure(algorithm, Map.of(), SpreadQuality.THIRD);

            assertThat(r.lowestTopMinDistance()).as(algorithm.name()).isGreaterThanOrEqualTo(2);
            assertThat(r.topMeanDistance()).as(algorithm.name()).isBetween(r.idealDistance() * 0.95,
                    r.idealDistance() * 1.05);
        }
        assertThat(basic.lowestTopMinDistance()).isEqualTo(1);
    }
}
