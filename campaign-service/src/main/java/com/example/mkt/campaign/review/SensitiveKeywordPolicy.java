package com.example.mkt.campaign.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the review's keyword filter looks for ("支持敏感关键字过滤,帮助审核检查").
 *
 * <p>The defaults follow the style of the PRC Advertising Law (absolute terms, state endorsements,
 * guaranteed returns). Superlatives built on "最" are flagged by the single character, which also hits
 * everyday words such as "最近"; {@code allowedPhrases} names those so reviewers are not flooded: a hit is
 * dropped when it lies entirely inside an occurrence of an allowed phrase.
 *
 * @param keywords       what to flag; matched as substrings (Chinese has no word boundaries), ignoring
 *                       Latin case and full-width/half-width differences
 * @param allowedPhrases harmless words that contain a keyword
 */
public record SensitiveKeywordPolicy(List<String> keywords, List<String> allowedPhrases) {

    public SensitiveKeywordPolicy {
        keywords = cleaned(keywords, "keyword");
        allowedPhrases = cleaned(allowedPhrases, "allowed phrase");
    }

    public static SensitiveKeywordPolicy defaults() {
        return new SensitiveKeywordPolicy(
                List.of("最", "第一", "唯一", "首个", "顶级", "极品", "国家级", "世界级", "绝对", "万能",
                        "100%", "保证收益", "保本", "稳赚", "零风险", "无风险", "包赚", "保值增值"),
                List.of("最近", "最后", "最终", "最初", "最新消息", "第一时间", "第一次", "第一步"));
    }

    private static List<String> cleaned(List<String> words, String what) {
        Set<String> unique = new LinkedHashSet<>();
        for (String w : words) {
            if (w == null || w.isBlank()) {
                throw new IllegalArgumentException("blank " + what);
            }
            unique.add(w.strip());
        }
        return List.copyOf(new ArrayList<>(unique));
    }
}
