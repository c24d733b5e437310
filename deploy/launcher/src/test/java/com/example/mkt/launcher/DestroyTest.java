package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'destroy' on state directories with nothing running: what it deletes, and what it refuses to. */
class DestroyTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8));

    private Layout stateWithRelocatedPostgres() throws IOException {
        Layout layout = new Layout(dir.resolve("repo"), dir.resolve("repo/.platform"));
        Files.createDirectories(layout.logs());
        Files.writeString(layout.secrets(), "db.kpi.password=x\n");
        Path postgres = dir.resolve("shared/0123");
        Files.createDirectories(postgres.resolve("data"));
        Files.writeString(layout.postgresLocation(), postgres + "\n");
        return layout;
    }

    @Test
    void deletesTheStateAndPostgresFilesWhereverTheyWent() throws IOException {
        Layout layout = stateWithRelocatedPostgres();
        assertEquals(dir.resolve("shared/0123"), layout.postgresHome());
        assertEquals(dir.resolve("shared/0123/log/postgres.log"), layout.postgresLog());

        assertTrue(new Destroy(layout, console, true, q -> Optional.empty()).run());
        assertFalse(Files.exists(layout.home()));
        assertFalse(Files.exists(dir.resolve("shared/0123")));
        assertTrue(Files.isDirectory(dir.resolve("repo")), "the repository stays");
    }

    @Test
    void asksFirstAndKeepsEverythingUnlessTheAnswerIsYes() throws IOException {
        Layout layout = stateWithRelocatedPostgres();
        assertFalse(new Destroy(layout, console, false, q -> Optional.of("no")).run());
        assertTrue(Files.exists(layout.secrets()));
        assertThrows(PlatformException.class, () -> new Destroy(layout, console, false, q -> Optional.empty()).run());
        assertTrue(Files.exists(layout.secrets()));
        assertTrue(new Destroy(layout, console, false, q -> Optional.of(" yes\n")).run());
        assertFalse(Files.exists(layout.home()));
    }

    @Test
    void neverDeletesADirectoryThatIsNotAPlatformsState() throws IOException {
        Path elsewhere = dir.resolve("documents");
        Files.createDirectories(elsewhere);
        Files.writeString(elsewhere.resolve("thesis.txt"), "keep me");
        Layout layout = new Layout(dir.resolve("repo"), elsewhere);
        assertThrows(PlatformException.class, () -> new Destroy(layout, console, true, q -> Optional.empty()).run());
        assertTrue(Files.exists(elsewhere.resolve("thesis.txt")));
    }

    @Test
    void aMissingStateIsNothingToDo() {
        Layout layout = new Layout(dir.resolve("repo"), dir.resolve("repo/.platform"));
        assertFalse(new Destroy(layout, console, true, q -> Optional.empty()).run());
    }

    @Test
    void privateStateDirectoriesGetASharedPostgresHomeOfTheirOwn() {
        Path a = new Layout(dir.resolve("a")).sharedPostgresHome();
        Path b = new Layout(dir.resolve("b")).sharedPostgresHome();
        assertTrue(a.startsWith(Layout.SHARED_BASE), a.toString());
        assertFalse(a.equals(b));
        assertEquals(a, new Layout(dir.resolve("a")).sharedPostgresHome(), "the same on every start");
    }
}
