package com.example.mkt.rest.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.example.mkt.rest.problem.ApiException;

/**
 * {@code ?limit=} (default 50, at most 500) and {@code ?cursor=}. Cursors are opaque to clients: a
 * base64url encoding of the last row's sort keys, read back with {@link #after()}.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final char SEPARATOR = '\u001f';

    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isBlank() ? List.of() : decode(cursor));
    }

    /** The sort keys of the last row of the previous page; empty for the first page. */
    public List<String> after() {
        return after;
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** The number of rows to fetch: one more than the limit, to know whether another page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    public static String cursor(String... sortKeys) {
        String joined = String.join(String.valueOf(SEPARATOR), sortKeys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            // a forged cursor must not smuggle control characters (U+0000 breaks the query) into the sort keys
            if (keys.stream().anyMatch(com.example.mkt.rest.problem.ControlCharacters::present)) {
                throw new IllegalArgumentException("control characters");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }
}
