package io.github.mjsdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/** Live heap, measured after full collections. */
final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    /** The median of three used-heap readings, each after two {@code System.gc()} calls, in bytes. */
    static long usedAfterGc() throws InterruptedException {
        long[] readings = new long[3];
        for (int i = 0; i < readings.length; i++) {
            System.gc();
            System.gc();
            Thread.sleep(20);
            readings[i] = MEMORY.getHeapMemoryUsage().getUsed();
        }
        Arrays.sort(readings);
        return readings[1];
    }
}
