package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardwareScalingTest {

    @Test
    void reportsAFiniteSpeedUpForEachLoop() throws InterruptedException {
        // Best of 3 rounds: one round of this tiny work is at the mercy of a busy machine's scheduler.
        HardwareScaling.Result r = HardwareScaling.measure(3, 0.002);
        for (double speedup : new double[] {r.independent(), r.privateRows(), r.sharedRows()}) {
            assertThat(speedup).isPositive().isFinite().isLessThan(10); // 2 threads cannot be 10x one thread
        }
    }
}
