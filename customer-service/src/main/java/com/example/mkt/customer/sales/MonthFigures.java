package com.example.mkt.customer.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A customer's figures per month as customer_stats stores them: a flat JSON object from month to a decimal text or a
 * count ({@code {"2026-10": "120.00", "2026-11": "35.50"}}). The sales consumer reads and writes 25 months of two such
 * maps for every customer of every batch; through Jackson trees (with the service's control-character look over each)
 * that was about a tenth of its CPU, so the common shape is read and written by hand here. Anything else (an escape,
 * a nested value: nothing this class writes) is read by Jackson as before.
 */
final class MonthFigures {

    private MonthFigures() {
    }

    /** Calls {@code each} with every key and its value as text (a string's content, or a number as written). */
    static void read(String json, ObjectMapper mapper, BiConsumer<String, String> each) {
        if (json == null || json.isEmpty()) {
            return;
        }
        if (!readFlat(json, each)) {
            readTree(json, mapper, each);
        }
    }

    /** The object's text, months in the map's order; keys and values need no escaping (months, plain decimals). */
    static String write(Map<?, ?> figures) {
        StringBuilder out = new StringBuilder(2 + figures.size() * 24).append('{');
        for (Map.Entry<?, ?> e : figures.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey()).append("\":");
            Object value = e.getValue();
            if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
                out.append(n);
            } else {
                out.append('"').append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value).append('"');
            }
        }
        return out.append('}').toString();
    }

    /**
     * Reads a flat object whose keys and string values hold no escape; false (having called {@code each} for
     * nothing) when the text is of any other shape.
     */
    private static boolean readFlat(String json, BiConsumer<String, String> each) {
        if (json.indexOf('\\') >= 0) {
            return false;
        }
        List<String> pairs = new ArrayList<>(64);
        int i = skipSpace(json, 0);
        if (!at(json, i, '{')) {
            return false;
        }
        i = skipSpace(json, i + 1);
        boolean more = !at(json, i, '}');
        while (more) {
            int keyEnd = at(json, i, '"') ? json.indexOf('"', i + 1) : -1;
            if (keyEnd < 0) {
                return false;
            }
            pairs.add(json.substring(i + 1, keyEnd));
            i = skipSpace(json, keyEnd + 1);
            if (!at(json, i, ':')) {
                return false;
            }
            i = skipSpace(json, i + 1);
            int valueEnd = value(json, i);
            if (valueEnd < 0) {
                return false;
            }
            pairs.add(at(json, i, '"') ? json.substring(i + 1, valueEnd - 1) : json.substring(i, valueEnd));
            i = skipSpace(json, valueEnd);
            more = at(json, i, ',');
            if (more) {
                i = skipSpace(json, i + 1);
            }
        }
        if (!at(json, i, '}') || skipSpace(json, i + 1) != json.length()) {
            return false;
        }
        for (int k = 0; k < pairs.size(); k += 2) {
            each.accept(pairs.get(k), pairs.get(k + 1));
        }
        return true;
    }

    /**
     * Where the string or integer starting at {@code i} ends (after a string's closing quote), or -1: a number of
     * another form is left to Jackson, whose text for it (1e2 as 100.0) the figures have always been read with.
     */
    private static int value(String json, int i) {
        if (at(json, i, '"')) {
            int close = json.indexOf('"', i + 1);
            return close < 0 ? -1 : close + 1;
        }
        int end = i;
        while (end < json.length() && "0123456789-".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return end == i ? -1 : end;
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \n\t\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void readTree(String json, ObjectMapper mapper, BiConsumer<String, String> each) {
        try {
            for (var it = mapper.readTree(json).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                each.accept(e.getKey(), e.getValue().asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt month figures", e);
        }
    }
}
