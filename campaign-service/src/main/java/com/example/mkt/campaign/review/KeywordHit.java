package com.example.mkt.campaign.review;

/**
 * One occurrence of a sensitive keyword.
 *
 * @param field   the field path, e.g. {@code theme} or {@code products[0].name}
 * @param keyword the configured keyword that matched
 * @param offset  UTF-16 index of the first matched char in the field's text (what Java and JavaScript
 *                {@code substring} use)
 * @param matched the text as written (may differ from the keyword in case or width, e.g. "１００％")
 */
public record KeywordHit(String field, String keyword, int offset, String matched) {
}
