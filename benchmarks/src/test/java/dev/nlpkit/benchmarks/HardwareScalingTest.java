package dev.nlpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardwareScalingTest {

    @Test
    void reportsAFiniteSpeedUpForEachLoop() throws InterruptedException {
        HardwareScaling.Result r = HardwareScaling.measure(1, 0.002);
        for (double speedup : new double[] {r.independent(), r.privateRows(), r.sharedRows()}) {
            assertThat(speedup).isPositive().isFinite().isLessThan(10); // 2 threads cannot be 10x one thread
        }
    }
}
