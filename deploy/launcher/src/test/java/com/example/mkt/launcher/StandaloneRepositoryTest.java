package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: no file points at documents that are not in it (design notes kept elsewhere, line
 * numbers of source texts, a path on one machine, an issue tracker's numbers). The business rules are in
 * docs/domain.md and the REST conventions in docs/api.md; a comment or README that needs a reason links there.
 * Fails with the file and line of every hit.
 */
class StandaloneRepositoryTest {

    /** What must not come back, each with the reason a reader is given. */
    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\b(?:DOMAIN|CONTRACTS|PLATFORM)\\.md\\b"),
                    "a design note outside the repository: link docs/domain.md or docs/api.md instead"),
            new Forbidden(Pattern.compile("shared/design|\\.\\./shared/"),
                    "a directory outside the repository"),
            new Forbidden(Pattern.compile("/work/"),
                    "a path on one machine"),
            // Source-line citations such as (003:1577-1696) or {@code 001:89}; two-digit times such as 12:30 and
            // addresses such as 10.0.0.100:5432 (preceded by a dot) are not citations.
            new Forbidden(Pattern.compile("(?<![\\w.:/-])[0-9]{3}:[0-9]{1,5}(?:-[0-9]+)?\\b"),
                    "a line citation of a document that is not in the repository"),
            new Forbidden(Pattern.compile("(?i)\\bissue #[0-9]+"),
                    "an issue number of a tracker the repository does not carry"));

    /**
     * Applied Flyway migrations are left as they are: Flyway checksums a migration's whole text, comments included,
     * so editing one fails every database it already ran on. Their comments are superseded by docs/domain.md.
     */
    private static final String MIGRATIONS = "/src/main/resources/db/migration/";

    /** Build output and local state, never part of the repository (used only when git cannot list the files). */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", ".git", ".platform", "node_modules");

    private static final String SELF = "deploy/launcher/src/test/java/com/example/mkt/launcher/StandaloneRepositoryTest.java";

    @Test
    void noFileReferencesDocumentsOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> hits = new ArrayList<>();
        for (String file : files(root)) {
            if (file.equals(SELF) || ("/" + file).contains(MIGRATIONS)) {
                continue;
            }
            scan(root, file, hits);
        }
        assertTrue(hits.isEmpty(), hits.size() + " reference(s) to documents outside the repository:\n"
                + String.join("\n", hits));
    }

    @Test
    void theRulesAndConventionsItLinksToAreThere() {
        Path root = repositoryRoot();
        assertTrue(Files.isRegularFile(root.resolve("docs/domain.md")), "docs/domain.md");
        assertTrue(Files.isRegularFile(root.resolve("docs/api.md")), "docs/api.md");
    }

    @Test
    void theCitationPatternKeepsTimesAndAddresses() {
        Pattern citation = FORBIDDEN.get(3).pattern();
        assertTrue(citation.matcher("see (003:1577-1696)").find());
        assertTrue(citation.matcher("{@code 001:89}").find());
        assertTrue(citation.matcher("{@code 003:7-49}").find());
        for (String fine : List.of("due 18:00", "2026-05-03T10:15:00+08:00", "10.0.0.100:5432", "localhost:8080",
                "http://127.0.0.1:9092", "rec 1000:1")) {
            assertTrue(!citation.matcher(fine).find(), fine);
        }
    }

    private static void scan(Path root, String file, List<String> hits) throws IOException {
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
            return;
        }
        byte[] bytes = Files.readAllBytes(path);
        for (byte b : bytes) {
            if (b == 0) {
                return;
            }
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Forbidden f : FORBIDDEN) {
                Matcher m = f.pattern().matcher(lines[i]);
                if (m.find()) {
                    hits.add(file + ":" + (i + 1) + ": \"" + m.group() + "\" is " + f.reason());
                }
            }
        }
    }

    /** The files git tracks or would track (untracked but not ignored); a plain walk when git is not there. */
    private static List<String> files(Path root) throws IOException {
        Optional<List<String>> listed = gitFiles(root);
        if (listed.isPresent()) {
            return listed.get();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Stream.of(p.split("/")).noneMatch(SKIPPED_DIRECTORIES::contains))
                    .toList();
        }
    }

    private static Optional<List<String>> gitFiles(Path root) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Stream.of(new String(out, StandardCharsets.UTF_8).split("\0"))
                    .filter(s -> !s.isEmpty()).distinct().toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The directory holding the Maven wrapper and this module, from the module directory tests run in. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("deploy/launcher"))) {
                return d;
            }
        }
        throw new UncheckedIOException(new IOException("no repository root above " + dir));
    }

    private record Forbidden(Pattern pattern, String reason) {
    }
}
