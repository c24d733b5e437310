package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void findsThePrivateDirectoryOnTheWay() throws IOException {
        Path home = dir.resolve("home");
        Path postgres = home.resolve("repo/.platform/postgres");
        Files.createDirectories(postgres);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        try {
            assertEquals(Optional.of(home), EmbeddedPostgres.firstUntraversable(postgres));
            String message = EmbeddedPostgres.unreachableMessage(postgres, Optional.of(home));
            assertTrue(message.contains("chmod o+x " + home), message);
            assertTrue(message.contains("PLATFORM_DB_URL"), message);
        } finally {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void openPathsHaveNoBlocker() throws IOException {
        Path postgres = dir.resolve("repo/.platform/postgres");
        Files.createDirectories(postgres);
        // @TempDir itself may be private; only what lies below it is under test
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Optional<Path> blocker = EmbeddedPostgres.firstUntraversable(postgres);
        assertTrue(blocker.isEmpty() || !blocker.get().startsWith(dir), blocker.toString());
    }
}
