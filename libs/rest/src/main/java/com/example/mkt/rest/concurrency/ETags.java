package com.example.mkt.rest.concurrency;

import java.util.Map;

import com.example.mkt.rest.problem.ApiException;

/**
 * Optimistic concurrency over HTTP: reads answer with an ETag made from the row's version; updates must
 * send it back in If-Match, and lose (412) when someone else changed the row in between.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks If-Match against the current version; 428 when absent (an update without it would silently
     * overwrite), 412 when stale.
     */
    /**
     * For actions a state machine already guards (approve, complete, close...): If-Match may be left out (or
     * blank), but when sent it must be current.
     */
    public static void requireMatchIfPresent(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            requireMatch(ifMatch, currentVersion);
        }
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of your last read", null, null, null);
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ApiException.stale("the resource changed since you read it; read it again and retry",
                Map.of("ETag", current));
    }
}
