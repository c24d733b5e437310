package com.example.mkt.planning.report;

import com.example.mkt.planning.validation.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Size limits of report content. The business sets none; these keep a report readable by the manager who reviews
 * it and bound what one request may store.
 *
 * @param maxTextLength characters (code points) per text or list item
 * @param maxItems      entries per list
 */
public record ReportContentPolicy(int maxTextLength, int maxItems) {

    public ReportContentPolicy {
        if (maxTextLength < 1 || maxItems < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ReportContentPolicy defaults() {
        return new ReportContentPolicy(4000, 50);
    }

    /** Null-tolerant copy, so a {@code null} entry from JSON becomes a field error instead of an exception. */
    static List<String> copy(List<String> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    void checkText(String field, String text, boolean required, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
        } else if (text.codePointCount(0, text.length()) > maxTextLength) {
            errors.add(new FieldError(field, "must be at most " + maxTextLength + " characters"));
        }
    }

    void checkItems(String field, List<String> items, boolean required, List<FieldError> errors) {
        if (items.isEmpty() && required) {
            errors.add(new FieldError(field, "must list at least one entry"));
        }
        if (items.size() > maxItems) {
            errors.add(new FieldError(field, "must list at most " + maxItems + " entries"));
        }
        for (int i = 0; i < items.size(); i++) {
            checkText(field + "[" + i + "]", items.get(i), true, errors);
        }
    }
}
