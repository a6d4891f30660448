package dev.nlpkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StageTimerTest {

    @Test
    void recordsEachStageInOrderWithItsDurationAndShare() {
        AtomicLong now = new AtomicLong();
        StageTimer timer = new StageTimer(now::get);
        long read = timer.time("read", () -> now.addAndGet(1_000_000_000L));
        timer.run("train", () -> now.addAndGet(3_000_000_000L));
        assertThat(read).isEqualTo(1_000_000_000L);
        assertThat(timer.stages()).extracting(StageTimer.Stage::name).containsExactly("read", "train");
        assertThat(timer.total()).isEqualTo(Duration.ofSeconds(4));
        assertThat(timer.render()).contains("read       1.00 s  25.0%").contains("train      3.00 s  75.0%")
                .contains("total      4.00 s");
    }
}
