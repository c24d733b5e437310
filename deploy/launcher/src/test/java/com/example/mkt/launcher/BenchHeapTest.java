package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class BenchHeapTest {

    /** GC.heap_info of a service (serial collector, as the platform starts them), as JDK 17 prints it. */
    static final String SERIAL = """
            19586:
             def new generation   total 81920K, used 27278K [0x00000000f0000000, 0x00000000f6000000, 0x00000000f6000000)
              eden space 65536K,  41% used [0x00000000f0000000, 0x00000000f1a5ff58, 0x00000000f4000000)
              from space 16384K,   1% used [0x00000000f5000000, 0x00000000f5043a58, 0x00000000f6000000)
              to   space 16384K,   0% used [0x00000000f4000000, 0x00000000f4000000, 0x00000000f5000000)
             tenured generation   total 83676K, used 78564K [0x00000000f6000000, 0x00000000fb1b7000, 0x0000000100000000)
               the space 83676K,  93% used [0x00000000f6000000, 0x00000000facb9118, 0x00000000facb9200, 0x00000000fb1b7000)
             Metaspace       used 102683K, committed 103296K, reserved 294912K
              class space    used 12925K, committed 13312K, reserved 245760K
            """;

    @Test
    void theGenerationsAreSummedAndMetaspaceLeftOut() {
        assertEquals(27278 + 78564, BenchHeap.usedKilobytes(SERIAL));
        assertEquals(31493, BenchHeap.usedKilobytes("""
                 garbage-first heap   total 262144K, used 31493K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 1181K, committed 1344K, reserved 1114112K
                """));
        assertEquals(3932, BenchHeap.usedKilobytes("""
                 PSYoungGen      total 76288K, used 3932K [0x000000076b400000, 0x0000000770900000)
                 ParOldGen       total 175104K, used 0K [0x00000006c1c00000, 0x00000006cc700000)
                """));
        assertEquals(-1, BenchHeap.usedKilobytes("ZHeap           used 20M, capacity 64M, max capacity 256M"),
                "a heap of another form is not read as empty");
    }

    @Test
    void aJvmIsMeasuredAfterAFullCollection() {
        OptionalLong mb = BenchHeap.ofThisJdk().liveMegabytes(ProcessHandle.current().pid());
        assertTrue(mb.isPresent() && mb.getAsLong() >= 1
                && mb.getAsLong() <= Runtime.getRuntime().maxMemory() / (1024 * 1024), "this test's JVM: " + mb);
    }

    @Test
    void whatCannotBeMeasuredIsEmpty() {
        assertEquals(OptionalLong.empty(), BenchHeap.ofThisJdk().liveMegabytes(Long.MAX_VALUE), "no such process");
        assertEquals(OptionalLong.empty(), new BenchHeap(Path.of("no-such-jdk")).liveMegabytes(
                ProcessHandle.current().pid()), "no jcmd");
    }

    @Test
    void theFigureNamesEachServiceWithBothReadings() {
        Map<String, OptionalLong> before = new LinkedHashMap<>();
        before.put("gateway", OptionalLong.of(27));
        before.put("kpi-service", OptionalLong.empty());
        assertEquals("gateway 27 / 30, kpi-service ? / 26",
                Bench.heapGrowth(before, Map.of("gateway", OptionalLong.of(30), "kpi-service", OptionalLong.of(26))));
        assertEquals("gateway 27 / ?, kpi-service ? / ?", Bench.heapGrowth(before, Map.of()));
    }
}
