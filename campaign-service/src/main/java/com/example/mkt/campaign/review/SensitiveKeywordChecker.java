package com.example.mkt.campaign.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds sensitive keywords in a campaign's texts for the reviewers (docs/domain.md#campaign-review-and-approval).
 *
 * <p>Matching is by substring, because Chinese text has no word boundaries. Text is folded char by char
 * (full-width ASCII to half-width, ideographic space to space, Latin to lower case) so that "１００％" matches
 * "100%" while every offset still points into the original text. Overlapping keywords are all reported
 * ("保证收益" and "保本" may both hit); each keyword is reported once per occurrence.
 */
public final class SensitiveKeywordChecker {

    private final List<String> foldedKeywords;
    private final List<String> keywords;
    private final List<String> foldedAllowed;

    public SensitiveKeywordChecker(SensitiveKeywordPolicy policy) {
        this.keywords = policy.keywords();
        this.foldedKeywords = policy.keywords().stream().map(SensitiveKeywordChecker::fold).toList();
        this.foldedAllowed = policy.allowedPhrases().stream().map(SensitiveKeywordChecker::fold).toList();
    }

    public KeywordCheckResult check(CampaignTexts texts) {
        List<KeywordHit> hits = new ArrayList<>();
        for (CampaignTexts.CheckedField field : texts.fields()) {
            hits.addAll(scan(field.path(), field.text()));
        }
        return new KeywordCheckResult(hits);
    }

    /** The hits in one text; exposed for checking free-form texts (e.g. poster copy) the same way. */
    public List<KeywordHit> scan(String field, String text) {
        String folded = fold(text);
        List<KeywordHit> hits = new ArrayList<>();
        for (int k = 0; k < foldedKeywords.size(); k++) {
            String keyword = foldedKeywords.get(k);
            for (int at = folded.indexOf(keyword); at >= 0; at = folded.indexOf(keyword, at + 1)) {
                if (!insideAllowedPhrase(folded, at, keyword.length())) {
                    hits.add(new KeywordHit(field, keywords.get(k), at, text.substring(at, at + keyword.length())));
                }
            }
        }
        hits.sort(Comparator.comparingInt(KeywordHit::offset)
                .thenComparing(h -> -h.matched().length())
                .thenComparing(KeywordHit::keyword));
        return hits;
    }

    private boolean insideAllowedPhrase(String folded, int hitStart, int hitLength) {
        int hitEnd = hitStart + hitLength;
        for (String phrase : foldedAllowed) {
            int earliest = Math.max(0, hitEnd - phrase.length());
            for (int p = folded.indexOf(phrase, earliest); p >= 0 && p <= hitStart; p = folded.indexOf(phrase, p + 1)) {
                if (p + phrase.length() >= hitEnd) {
                    return true;
                }
            }
        }
        return false;
    }

    static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
