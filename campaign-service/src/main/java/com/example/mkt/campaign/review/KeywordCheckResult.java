package com.example.mkt.campaign.review;

import java.util.List;

/** The outcome of the keyword filter: every hit, in field order and then by position. */
public record KeywordCheckResult(List<KeywordHit> hits) {

    public KeywordCheckResult {
        hits = List.copyOf(hits);
    }

    public static KeywordCheckResult clean() {
        return new KeywordCheckResult(List.of());
    }

    public boolean isClean() {
        return hits.isEmpty();
    }
}
