package com.example.mkt.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The statuses real requests were answered with, held to what the merged API document lists for their operations:
 * a client generated from the document must know every success it can get (a create documented as 200 that answers
 * 201 breaks a generated client's typing). Each request is matched to the operation whose path template fits it,
 * the template with the most literal segments winning ({@code /customers/search} over {@code /customers/{id}}).
 */
final class DocumentedAnswers {

    /** What the check found: requests matched per operation, and each undocumented answer, as "GET /t -> 201". */
    record Result(Map<String, Integer> byOperation, List<String> undocumentedSuccesses, List<String> undocumentedOthers,
            List<String> unmatched) {
    }

    private final JsonNode paths;

    DocumentedAnswers(JsonNode document) {
        this.paths = document.path("paths");
    }

    Result check(List<Http.Exchange> exchanges) {
        Map<String, Integer> byOperation = new TreeMap<>();
        List<String> successes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (Http.Exchange e : exchanges) {
            String path = e.path().split("\\?", 2)[0];
            Optional<String> template = templateOf(path);
            JsonNode operation = template.map(t -> paths.path(t).path(e.method().toLowerCase()))
                    .filter(op -> !op.isMissingNode()).orElse(null);
            if (operation == null) {
                unmatched.add(e.method() + " " + path + " -> " + e.status());
                continue;
            }
            String name = e.method() + " " + template.get();
            byOperation.merge(name, 1, Integer::sum);
            if (!operation.path("responses").has(Integer.toString(e.status()))) {
                (e.status() < 300 ? successes : others).add(name + " -> " + e.status());
            }
        }
        return new Result(byOperation, successes.stream().distinct().toList(), others.stream().distinct().toList(),
                unmatched.stream().distinct().toList());
    }

    /** The document's path template that fits {@code path} best, if any. */
    Optional<String> templateOf(String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String template = it.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean fits = true;
            for (int i = 0; i < parts.length && fits; i++) {
                boolean variable = parts[i].startsWith("{") && parts[i].endsWith("}");
                fits = variable ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
                literals += variable ? 0 : 1;
            }
            if (fits && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }
}
