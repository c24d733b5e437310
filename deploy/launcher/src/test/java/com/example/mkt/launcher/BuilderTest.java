package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderTest {

    @TempDir
    Path root;

    /** A stand-in with a Maven launcher's command line: the shell keeps its extra arguments as $0 and $1. */
    @Test
    void recognisesAMavenBuildOfThisRepositoryOnly() throws IOException, InterruptedException {
        Process fakeMaven = new ProcessBuilder("sh", "-c", "sleep 30; true",
                "org.codehaus.plexus.classworlds.launcher.Launcher", "-Dmaven.multiModuleProjectDirectory=" + root)
                .start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Builder.otherBuilds(root).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Builder.otherBuilds(root).contains(fakeMaven.pid()));
            assertFalse(Builder.otherBuilds(root.resolve("elsewhere")).contains(fakeMaven.pid()));
        } finally {
            fakeMaven.destroyForcibly().waitFor();
        }
    }
}
