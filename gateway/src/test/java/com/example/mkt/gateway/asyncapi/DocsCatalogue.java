package com.example.mkt.gateway.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docs/events.md's catalogue table and docs/architecture.md's topic table say, read the way a person reads them:
 * the backticked types and topic, the key, and the services named as producers and consumers ("every service" being
 * all of them, "none yet" none).
 */
final class DocsCatalogue {

    static final Path EVENTS_MD = Path.of("..", "docs", "events.md");
    static final Path ARCHITECTURE_MD = Path.of("..", "docs", "architecture.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One event type as docs/events.md lists it. */
    record Listed(String type, String topic, String key, Set<String> producers, Set<String> consumers) {
    }

    private DocsCatalogue() {
    }

    static Map<String, Listed> events(List<String> services) {
        Map<String, Listed> listed = new LinkedHashMap<>();
        for (List<String> cells : table(EVENTS_MD, "## Catalogue")) {
            String topic = codes(cells.get(1)).get(0);
            String key = cells.get(2).replace("`", "").trim();
            Set<String> producers = services(cells.get(3), services);
            if (cells.get(3).contains("other systems")) {
                producers.add(AsyncApiDocument.OTHER_SYSTEMS);
            }
            Set<String> consumers = cells.get(4).startsWith("every service") ? new TreeSet<>(services)
                    : cells.get(4).startsWith("none yet") ? new TreeSet<>() : services(cells.get(4), services);
            for (String type : codes(cells.get(0))) {
                if (listed.put(type, new Listed(type, topic, key, producers, consumers)) != null) {
                    throw new AssertionError("docs/events.md lists " + type + " twice");
                }
            }
        }
        return listed;
    }

    /** Topic of docs/architecture.md's table to its partitions ({@code <topic>.dlq} for the dead-letter row). */
    static Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (List<String> cells : table(ARCHITECTURE_MD, "## Topics")) {
            topics.put(codes(cells.get(0)).get(0), Integer.parseInt(cells.get(cells.size() - 1).trim()));
        }
        return topics;
    }

    /** The rows (cells trimmed, without the outer pipes) of the first table after {@code heading}. */
    private static List<List<String>> table(Path file, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new AssertionError(file + " has no " + heading);
        }
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                if (line.startsWith("| `")) {
                    String[] cells = line.split("\\|");
                    rows.add(List.of(cells).subList(1, cells.length).stream().map(String::trim).toList());
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static Set<String> services(String cell, List<String> services) {
        Set<String> named = new TreeSet<>();
        for (String service : services) {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(service) + "(?![\\w-])").matcher(cell).find()) {
                named.add(service);
            }
        }
        return named;
    }
}
