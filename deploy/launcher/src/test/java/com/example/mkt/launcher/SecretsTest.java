package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void generatedOnceAndReused() {
        Path file = dir.resolve(".platform/secrets.properties");
        String first = Secrets.open(file).password("db.kpi.password");
        assertTrue(Files.exists(file));
        assertEquals(first, Secrets.open(file).password("db.kpi.password"));
        assertEquals(first, Secrets.open(file).existing("db.kpi.password").orElseThrow());
    }

    @Test
    void ownerOnly() throws IOException {
        Path file = dir.resolve("secrets.properties");
        Secrets.open(file).password("a");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void addingAKeyKeepsTheOthers() {
        Path file = dir.resolve("secrets.properties");
        String a = Secrets.open(file).password("a");
        String b = Secrets.open(file).password("b");
        Secrets reopened = Secrets.open(file);
        assertEquals(a, reopened.password("a"));
        assertEquals(b, reopened.password("b"));
        assertNotEquals(a, b);
    }

    @Test
    void looseningIsUndoneOnOpen() throws IOException {
        Path file = dir.resolve("secrets.properties");
        Secrets.open(file).password("a");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Secrets.open(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void passwordsAreLongAndNeedNoQuoting() {
        String password = Secrets.generate();
        assertTrue(password.length() >= 24, password);
        assertTrue(password.matches("[A-Za-z0-9_-]+"), password);
        assertNotEquals(password, Secrets.generate());
    }
}
