package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class FailureDiagnosticsTest {

    private static final String DUMP = """
            12345:
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode, sharing):

            "vert.x-eventloop-thread-0" #20 daemon prio=5 os_prio=0 cpu=12.00ms elapsed=9.00s tid=0x1 nid=0x2 runnable
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.EPoll.wait(java.base@17.0.15/Native Method)
            \tat io.netty.channel.nio.NioEventLoop.select(NioEventLoop.java:813)

            "vert.x-eventloop-thread-1" #21 daemon prio=5 os_prio=0 cpu=9000.00ms elapsed=9.00s tid=0x3 nid=0x4 runnable
               java.lang.Thread.State: RUNNABLE
            \tat com.example.mkt.campaign.Slow.spin(Slow.java:10)
            \tat io.vertx.core.impl.EventLoopContext.emit(EventLoopContext.java:1)

            "executor-thread-3" #40 daemon prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x5 nid=0x6 waiting for monitor entry
               java.lang.Thread.State: BLOCKED (on object monitor)
            \tat com.example.mkt.campaign.Views.<clinit>(Views.java:3)

            "executor-thread-4" #41 daemon prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x7 nid=0x8 waiting on condition
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            """;

    @Test
    void aBusyEventLoopAndABlockedThreadAreShownAndIdleOnesAreNot() {
        List<String> lines = FailureDiagnostics.summary(DUMP, Path.of("dump.txt"));
        String text = String.join("\n", lines);
        assertTrue(text.contains("\"vert.x-eventloop-thread-1\""), text);
        assertTrue(text.contains("Slow.spin"), text);
        assertTrue(text.contains("\"executor-thread-3\""), text);
        assertTrue(text.contains("Views.<clinit>"), text);
        assertTrue(!text.contains("eventloop-thread-0") && !text.contains("executor-thread-4"), text);
        assertEquals("threads: dump.txt", lines.get(0));
    }
}
