package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @TempDir
    Path dir;

    private String last(String content, int lines) throws IOException {
        Path file = dir.resolve("x.log");
        Files.writeString(file, content);
        return new String(LogFiles.lastLines(file, lines), StandardCharsets.UTF_8);
    }

    @Test
    void lastLinesOfShortAndLongFiles() throws IOException {
        assertEquals("", last("", 3));
        assertEquals("a\nb\n", last("a\nb\n", 3));
        assertEquals("b\nc\n", last("a\nb\nc\n", 2));
        assertEquals("b\nc", last("a\nb\nc", 2));
        String big = IntStream.rangeClosed(1, 50_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        assertEquals("line 49999\nline 50000\n", last(big, 2));
        assertTrue(last(big, 200).startsWith("line 49801\n"));
    }

    @Test
    void aFailureNamesTheLogItsLastLinesAndTheCommandForMore() throws IOException {
        Layout layout = new Layout(dir);
        Path log = layout.logs().resolve("postgres.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "old line\nFATAL:  could not create lock file \"/tmp/.s.PGSQL.5432.lock\"\n");
        String hint = LogFiles.tailForFailure(layout, "postgres", log);
        assertTrue(hint.contains(".platform/logs/postgres.log"), hint);
        assertTrue(hint.contains("FATAL:  could not create lock file"), hint);
        assertTrue(hint.endsWith("./platform logs postgres shows more."), hint);
        assertTrue(LogFiles.tailForFailure(layout, "kafka", dir.resolve("none.log")).contains("(empty)"));
    }

    @Test
    void failureReportsStartAtTheLastStartMarker() throws IOException {
        Path log = dir.resolve("svc.log");
        Files.writeString(log, "old run\n");
        LogFiles.appendMarker(log, "./platform up: starting svc on port 1");
        Files.writeString(log, "first\n", StandardOpenOption.APPEND);
        LogFiles.appendMarker(log, "./platform up: starting svc on port 1");
        Files.writeString(log, "boom\n", StandardOpenOption.APPEND);

        String report = LogFiles.sinceLastStart(LogFiles.lastLines(log, 60));

        assertTrue(report.startsWith("==== "), report);
        assertTrue(report.endsWith("starting svc on port 1 ====\nboom\n"), report);
        assertEquals("a\nb\n", LogFiles.sinceLastStart("a\nb\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void missingFileIsEmpty() {
        assertEquals(0, LogFiles.lastLines(dir.resolve("none.log"), 10).length);
    }

    @Test
    void rotationMovesOnlyLargeLogsAside() throws IOException {
        Path small = dir.resolve("small.log");
        Files.writeString(small, "x");
        LogFiles.rotateIfLarge(small);
        assertTrue(Files.exists(small));

        Path large = dir.resolve("large.log");
        try (var out = Files.newOutputStream(large)) {
            out.write(new byte[(int) LogFiles.ROTATE_AT_BYTES + 1]);
        }
        LogFiles.rotateIfLarge(large);
        assertTrue(Files.notExists(large));
        assertTrue(Files.exists(dir.resolve("large.log.1")));
    }
}
