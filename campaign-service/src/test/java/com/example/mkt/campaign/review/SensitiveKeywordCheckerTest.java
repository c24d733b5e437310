package com.example.mkt.campaign.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitiveKeywordCheckerTest {

    private final SensitiveKeywordChecker checker = new SensitiveKeywordChecker(SensitiveKeywordPolicy.defaults());

    @Test
    void findsKeywordsInsideChineseTextWithFieldAndPosition() {
        KeywordCheckResult r = checker.check(new CampaignTexts("全省第一的旅游保险", "购买即保证收益", List.of("保游天下", "国家级代步工具险")));
        assertEquals(List.of(
                new KeywordHit("theme", "第一", 2, "第一"),
                new KeywordHit("offerRules", "保证收益", 3, "保证收益"),
                new KeywordHit("products[1].name", "国家级", 0, "国家级")), r.hits());
    }

    @Test
    void aCleanCampaign() {
        KeywordCheckResult r = checker.check(new CampaignTexts("保游无忧,同行天下", "APP出单享35%手续费", List.of("保游天下", "代步工具")));
        assertTrue(r.isClean(), r.hits()::toString);
    }

    @Test
    void emptyAndMissingTexts() {
        assertTrue(checker.check(new CampaignTexts(null, "", null)).isClean());
        assertTrue(checker.check(new CampaignTexts("", "", List.of())).isClean());
    }

    @Test
    void everyOccurrenceAtItsOwnPosition() {
        List<KeywordHit> hits = checker.scan("theme", "最好的服务，最低的价格");
        assertEquals(List.of(0, 6), hits.stream().map(KeywordHit::offset).toList());
    }

    @Test
    void theTextsEdgesAreChecked() {
        assertEquals(List.of(new KeywordHit("theme", "第一", 2, "第一")), checker.scan("theme", "服务第一"));
        assertEquals(List.of(new KeywordHit("theme", "第一", 0, "第一")), checker.scan("theme", "第一服务"));
        assertEquals(1, checker.scan("theme", "最").size());
        assertTrue(checker.scan("theme", "第").isEmpty(), "half a keyword is no hit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"最近活动", "活动最后一天", "最终解释权归本公司", "第一时间理赔"})
    void allowedPhrasesDoNotCount(String text) {
        assertTrue(checker.scan("theme", text).isEmpty(), () -> checker.scan("theme", text).toString());
    }

    @Test
    void anAllowedPhraseOnlyCoversItsOwnOccurrence() {
        List<KeywordHit> hits = checker.scan("theme", "最近推出最佳产品");
        assertEquals(1, hits.size());
        assertEquals(4, hits.get(0).offset());
    }

    @Test
    void overlappingKeywordsAreAllReported() {
        SensitiveKeywordChecker c = new SensitiveKeywordChecker(new SensitiveKeywordPolicy(List.of("保证", "保证收益", "收益"), List.of()));
        List<KeywordHit> hits = c.scan("offerRules", "保证收益");
        assertEquals(List.of("保证收益", "保证", "收益"), hits.stream().map(KeywordHit::keyword).toList());
    }

    @Test
    void fullWidthAndLatinCaseMatchButOffsetsPointIntoTheOriginal() {
        SensitiveKeywordChecker c = new SensitiveKeywordChecker(new SensitiveKeywordPolicy(List.of("100%", "No.1"), List.of()));
        List<KeywordHit> hits = c.scan("theme", "赔付率１００％的ＮＯ．１产品");
        assertEquals(List.of(new KeywordHit("theme", "100%", 3, "１００％"), new KeywordHit("theme", "No.1", 8, "ＮＯ．１")), hits);
    }

    @Test
    void repeatedCharactersOverlap() {
        SensitiveKeywordChecker c = new SensitiveKeywordChecker(new SensitiveKeywordPolicy(List.of("最最"), List.of()));
        assertEquals(List.of(0, 1), c.scan("theme", "最最最").stream().map(KeywordHit::offset).toList());
    }

    @Test
    void blankKeywordsAreRefusedAndDuplicatesDropped() {
        assertThrows(IllegalArgumentException.class, () -> new SensitiveKeywordPolicy(List.of("第一", " "), List.of()));
        assertEquals(List.of("第一"), new SensitiveKeywordPolicy(List.of("第一", " 第一 "), List.of()).keywords());
    }
}
