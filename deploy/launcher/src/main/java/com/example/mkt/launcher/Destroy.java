package com.example.mkt.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import com.example.mkt.infra.Processes;

/**
 * './platform destroy': stops the platform, then deletes its state directory (databases, Kafka's log, generated
 * passwords and keys, logs) and PostgreSQL's files wherever they went. A server given through PLATFORM_DB_URL or
 * PLATFORM_KAFKA is not touched: its databases and topics stay.
 */
final class Destroy {

    private final Layout layout;
    private final Console console;
    private final boolean confirmed;
    private final Function<String, Optional<String>> ask;

    /** @param ask shows a question and returns the answer typed, or empty when there is no one to ask */
    Destroy(Layout layout, Console console, boolean confirmed, Function<String, Optional<String>> ask) {
        this.layout = layout;
        this.console = console;
        this.confirmed = confirmed;
        this.ask = ask;
    }

    /** Returns whether anything was deleted. */
    boolean run() {
        Path home = layout.home();
        if (!Files.isDirectory(home)) {
            console.step("nothing to delete: " + layout.display(home) + " does not exist");
            return false;
        }
        checkLooksLikeState(home);
        Optional<Path> postgres = layout.relocatedPostgres();
        String what = layout.display(home) + postgres.map(p -> " and " + p).orElse("");
        if (!confirmed) {
            Optional<String> answer = ask.apply("This stops the platform and deletes " + what
                    + " (all data, passwords, keys and logs). Type yes to go on: ");
            if (answer.isEmpty()) {
                throw new PlatformException("'destroy' deletes " + what + "; no terminal to ask on, so confirm with --yes");
            }
            if (!answer.get().trim().equalsIgnoreCase("yes")) {
                console.step("nothing deleted");
                return false;
            }
        }
        new Down(layout, console).run();
        postgres.ifPresent(Processes::deleteTree);
        Processes.deleteTree(home);
        console.step("deleted " + what);
        return true;
    }

    /** PLATFORM_HOME may point anywhere: never delete a directory that is not a platform's state. */
    private void checkLooksLikeState(Path home) {
        boolean ours = Files.exists(layout.secrets()) || Files.isDirectory(layout.run())
                || Files.isDirectory(home.resolve("postgres")) || Files.isDirectory(layout.kafkaHome());
        if (!ours || home.equals(layout.root()) || home.getNameCount() < 2) {
            throw new PlatformException(layout.display(home) + " does not look like a platform's state directory"
                    + " (no secrets.properties, run/, postgres/ or kafka/ in it): not deleting it");
        }
    }
}
