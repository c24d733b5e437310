package com.example.mkt.planning.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Report content as stored: only the fields of its kind, so a weekly report never shows monthly fields. */
final class ReportContentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportContentJson() {
    }

    static String write(ReportService.Submission s) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (s.kind() == ReportKind.WEEKLY) {
            content.put("summary", s.summary());
            content.put("problems", list(s.problems()));
            content.put("nextWeekPriorities", list(s.nextWeekPriorities()));
            content.put("supportNeeded", list(s.supportNeeded()));
        } else {
            content.put("results", list(s.results()));
            content.put("problems", list(s.problems()));
            content.put("nextMonthPriorities", list(s.nextMonthPriorities()));
        }
        try {
            return MAPPER.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report content is not JSON", e);
        }
    }

    private static List<String> list(List<String> items) {
        return items == null ? List.of() : items;
    }
}
