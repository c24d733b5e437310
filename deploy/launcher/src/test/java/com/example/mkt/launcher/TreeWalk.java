package com.example.mkt.launcher;

import java.util.List;
import java.util.Map;

/** Reads a path out of parsed YAML: map keys and list indexes, null where a step is missing. */
final class TreeWalk {

    private TreeWalk() {
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            if (step instanceof Integer i) {
                List<Object> list = (List<Object>) current;
                current = i < list.size() ? list.get(i) : null;
            } else {
                current = ((Map<String, Object>) current).get(step);
            }
        }
        return (T) current;
    }
}
