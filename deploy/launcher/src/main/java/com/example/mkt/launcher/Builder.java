package com.example.mkt.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.example.mkt.infra.Processes;

/** Builds the services with the repository's Maven wrapper, so a fresh clone needs nothing but a JDK. */
final class Builder {

    static final List<String> ARGUMENTS = List.of("-q", "-B", "-DskipTests", "package");

    private Builder() {
    }

    /**
     * Two Maven builds in one working tree write the same target directories and break each other (a class
     * deleted by one while the other compiles against it), so a build already running here is waited for.
     */
    static void awaitOtherBuilds(Layout layout, Console console) {
        long deadline = System.nanoTime() + WAIT_FOR_OTHER_BUILDS.toNanos();
        long nextMessage = 0;
        List<Long> others;
        while (!(others = otherBuilds(layout.root())).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new PlatformException("another Maven build in this repository (pid " + others.get(0)
                        + ") has been running for more than " + WAIT_FOR_OTHER_BUILDS.toMinutes()
                        + " minutes; stop it or wait for it, then run ./platform up again");
            }
            if (System.nanoTime() > nextMessage) {
                console.step("waiting for the Maven build already running in this repository to finish (pid "
                        + others.get(0) + "); building at the same time would break both");
                nextMessage = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            }
            Processes.sleep(2000);
        }
    }

    /** Maven processes whose project is this repository, recognised by the property Maven's launcher sets. */
    static List<Long> otherBuilds(Path root) {
        String marker = "-Dmaven.multiModuleProjectDirectory=" + root;
        return ProcessInfo.findAll(args -> args.contains("org.codehaus.plexus.classworlds.launcher.Launcher")
                && args.stream().anyMatch(a -> a.equals(marker) || a.equals(marker + "/")));
    }

    /** Long enough for a full 'verify' of the repository; after that, the user decides. */
    static final Duration WAIT_FOR_OTHER_BUILDS = Duration.ofMinutes(20);

    static void buildServices(Layout layout, Console console) {
        awaitOtherBuilds(layout, console);
        console.step("building the services: ./mvnw " + String.join(" ", ARGUMENTS));
        console.line("    (the first build downloads the dependencies from Maven Central and takes a few minutes)");
        List<String> command = new java.util.ArrayList<>();
        command.add(layout.mavenWrapper().toString());
        command.addAll(ARGUMENTS);
        try {
            // Maven's own output goes straight to the terminal: with -q that is only the errors.
            Process maven = new ProcessBuilder(command).directory(layout.root().toFile()).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int exit = maven.waitFor();
            if (exit != 0) {
                throw new PlatformException("the build failed (./mvnw exited with " + exit
                        + "); fix the errors above and run ./platform up again");
            }
        } catch (IOException e) {
            throw new PlatformException("cannot run " + layout.mavenWrapper() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while building", e);
        }
    }
}
