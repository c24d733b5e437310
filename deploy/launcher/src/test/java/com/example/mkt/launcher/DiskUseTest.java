package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUseTest {

    @Test
    void countsTheFilesUnderADirectoryAndNothingForOneThatIsMissing(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a"), new byte[1000]);
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.write(dir.resolve("sub/deeper/b"), new byte[24]);
        assertEquals(1024, DiskUse.bytesUnder(dir));
        // Kafka's preallocated (sparse) indexes are not what the broker stores
        Files.write(dir.resolve("00000000000000000000.index"), new byte[4096]);
        Files.write(dir.resolve("00000000000000000000.timeindex"), new byte[4096]);
        assertEquals(1024, DiskUse.bytesUnder(dir));
        assertEquals(0, DiskUse.bytesUnder(dir.resolve("none")));
    }

    @Test
    void warnsBelowFiveGigabytesLeftAndSaysWhatToDo() {
        DiskUse full = new DiskUse(30L << 30, 47L << 30, 351L << 20);
        assertTrue(full.low());
        assertEquals("disk: PostgreSQL 30.0 GB, Kafka 47.0 GB; 0.3 GB free", full.line());
        assertTrue(full.warning().contains("0.3 GB left") && full.warning().contains("./platform destroy"),
                full.warning());
        assertFalse(new DiskUse(0, 0, 70L << 30).low());
        assertFalse(new DiskUse(0, 0, -1).low(), "unknown free space is no warning");
    }

    @Test
    void measuresTheLayoutsStateWhetherOrNotItExists(@TempDir Path home) throws Exception {
        Layout layout = new Layout(home);
        DiskUse before = DiskUse.of(layout);
        assertEquals(0, before.postgresBytes() + before.kafkaBytes());
        assertTrue(before.usableBytes() > 0, "free space of the directory's filesystem: " + before);
        assertTrue(DiskUse.free(layout) > 0, "what up checks, without walking the state");
        Files.createDirectories(layout.postgresData());
        Files.write(layout.postgresData().resolve("PG_VERSION"), new byte[3]);
        assertEquals(3, DiskUse.of(layout).postgresBytes());
    }
}
