package com.example.mkt.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/**
 * What the console's files must hold before any browser sees them: the ECharts file it names is the one this build
 * ships, nothing inline that the Content-Security-Policy would block (or that could carry injected markup), every word
 * in both languages, and the size budget.
 */
class ConsoleFilesTest {

    private static final String ROOT = "META-INF/resources/console/";
    /**
     * Every file the console ships, read from its source directory, so that a new page is checked without being
     * listed here (the contents are read from the class path, where index.html is filtered).
     */
    private static final List<String> FILES = filesOnDisk();
    /** The kinds of file the checks below know how to read; anything else must be taught to them first. */
    private static final Set<String> CHECKED_KINDS = Set.of(".html", ".css", ".js");

    @Test
    void indexNamesTheEchartsFileThisBuildShips() {
        String version = System.getProperty("echarts.version");
        assertNotNull(version, "the pom passes echarts.version");
        String index = read("index.html");
        String path = "/webjars/echarts/" + version + "/dist/echarts.min.js";
        assertTrue(index.contains("src=\"" + path + "\""), "index.html loads " + path);
        assertNotNull(getClass().getClassLoader().getResource("META-INF/resources" + path),
                "the echarts webjar on the class path holds " + path);
        assertFalse(index.contains("@echarts.version@"), "filtered at build");
    }

    @Test
    void nothingInlineThePolicyWouldBlockAndNoMarkupFromStrings() {
        String index = read("index.html");
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(index);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "every script is a file: <script" + scripts.group(1) + ">");
        }
        assertFalse(index.contains("<style"), "no style element");
        assertFalse(Pattern.compile("\\sstyle=|\\son[a-z]+=").matcher(index).find(), "no style or handler attribute");
        for (String file : FILES) {
            if (file.endsWith(".js")) {
                String js = read(file);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                        "new Function")) {
                    assertFalse(js.contains(sink), file + " uses " + sink + ": build elements with dom.js el()");
                }
            }
        }
    }

    @Test
    void everyWordIsInBothLanguagesAndEveryKeyUsedExists() {
        String i18n = read("js/i18n.js");
        int en = i18n.indexOf("\n  en: {");
        Set<String> zh = keys(i18n.substring(i18n.indexOf("'zh-CN': {"), en));
        Set<String> english = keys(i18n.substring(en, i18n.indexOf("\n};")));
        assertEquals(zh, english, "the same keys in zh-CN and en");
        assertTrue(zh.size() > 40, "read the messages: " + zh.size());
        Pattern used = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z_.]+)'");
        Pattern marked = Pattern.compile("data-i18n=\"([a-zA-Z]+\\.[a-zA-Z_.]+)\"");
        for (String file : FILES) {
            Matcher m = (file.endsWith(".html") ? marked : used).matcher(read(file));
            while (m.find()) {
                assertTrue(zh.contains(m.group(1)), file + " uses " + m.group(1) + ", which no language has");
            }
        }
    }

    @Test
    void theConsoleStaysWithinItsBudget() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (String file : FILES) {
                out.write(read(file).getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.printf("ConsoleFilesTest: the console's HTML, JS and CSS are %,d bytes gzipped%n", gz.size());
        assertTrue(gz.size() < 600 * 1024, "JS+CSS transferred < 600 KB gzip excluding ECharts: " + gz.size());
    }

    @Test
    void everyFileIsOfAKindTheseChecksReadAndEveryImportIsShipped() {
        assertTrue(FILES.containsAll(List.of("index.html", "js/app.js", "js/i18n.js")), "the console's files: " + FILES);
        for (String file : FILES) {
            assertTrue(CHECKED_KINDS.stream().anyMatch(file::endsWith),
                    file + " is not HTML, CSS or JS: teach ConsoleFilesTest how to check it");
        }
        Pattern imports = Pattern.compile("\\bfrom '\\./([a-z]+\\.js)'");
        for (String file : FILES) {
            if (file.endsWith(".js")) {
                Matcher m = imports.matcher(read(file));
                while (m.find()) {
                    assertTrue(FILES.contains("js/" + m.group(1)), file + " imports " + m.group(1) + ", not shipped");
                }
            }
        }
    }

    private static List<String> filesOnDisk() {
        Path dir = Path.of("src/main/resources", ROOT);
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": run from the console module", e);
        }
    }

    private static Set<String> keys(String block) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("'([a-zA-Z]+\\.[a-zA-Z_.]+)':").matcher(block);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private String read(String file) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ROOT + file)) {
            assertNotNull(in, ROOT + file + " on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
