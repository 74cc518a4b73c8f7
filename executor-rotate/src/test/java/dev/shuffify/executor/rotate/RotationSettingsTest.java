package dev.shuffify.executor.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shuffify.error.JobExecutionException;
import dev.shuffify.executor.rotate.RotationSettings.Mode;
import dev.shuffify.executor.rotate.RotationSettings.ReturnOrder;
import dev.shuffify.spi.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Execution-time reading of raw parameters, as a host calling the executor directly could pass them. */
class RotationSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        RotationSettings s = RotationSettings.from(Params.empty());

        assertThat(s).isEqualTo(new RotationSettings(Mode.ARCHIVE_OLDEST, 5, ReturnOrder.LONGEST_ARCHIVED, null,
                0));
    }

    @Test
    void rawStringsAreReadAndCountsClamped() {
        RotationSettings s = RotationSettings.from(Params.of(Map.of("rotation_mode", "Swap", "rotation_count", "-2",
                "return_order", "MOST_RECENTLY_ARCHIVED", "target_size", "12", "protect_count", -4)));

        assertThat(s).isEqualTo(new RotationSettings(Mode.SWAP, 1, ReturnOrder.MOST_RECENTLY_ARCHIVED, 12, 0));
    }

    @Test
    void valuesThatCannotBeUnderstoodFailNamingTheField() {
        assertThatThrownBy(() -> RotationSettings.from(Params.of(Map.of("rotation_mode", "shuffle"))))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("rotation_mode 'shuffle' is not one of archive_oldest, refresh, swap");
        assertThatThrownBy(() -> RotationSettings.from(Params.of(Map.of("rotation_count", "many"))))
                .isInstanceOf(JobExecutionException.class).hasMessageContaining("rotation_count 'many'");
        assertThatThrownBy(() -> RotationSettings.from(Params.of(Map.of("return_order", "random"))))
                .isInstanceOf(JobExecutionException.class).hasMessageContaining("return_order 'random'");
        assertThatThrownBy(() -> RotationSettings.from(Params.of(Map.of("rotation_mode", "swap", "target_size", 0))))
                .isInstanceOf(JobExecutionException.class).hasMessageContaining("target_size 0");
    }
}
