package com.example.mkt.launcher;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The figures the benchmark and the demo read back through the public API to check against what they sent. */
final class ApiReads {

    private ApiReads() {
    }

    /** The SALES_AMOUNT cell of a unit for a month (value, target, achievement), or a missing node. */
    static JsonNode salesCell(BenchHttp http, String gateway, Map<String, String> auth, String unit, String month) {
        JsonNode subtree = http.get(gateway + "/api/v1/kpis/SALES_AMOUNT/subtree?orgUnit=" + unit + "&period=" + month,
                auth).expect(200).json();
        for (JsonNode item : subtree.path("items")) {
            if (unit.equals(item.path("orgUnit").asText())) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    static BigDecimal salesAmount(BenchHttp http, String gateway, Map<String, String> auth, String unit, String month) {
        JsonNode cell = salesCell(http, gateway, auth, unit, month);
        return cell.hasNonNull("value") ? new BigDecimal(cell.path("value").asText()) : BigDecimal.ZERO;
    }

    static JsonNode campaignProgress(BenchHttp http, String gateway, Map<String, String> auth, String campaignId) {
        return http.get(gateway + "/api/v1/campaigns/" + campaignId + "/progress", auth).expect(200).json();
    }

    static BigDecimal campaignTotal(BenchHttp http, String gateway, Map<String, String> auth, String campaignId) {
        return new BigDecimal(campaignProgress(http, gateway, auth, campaignId).path("total").asText("0"));
    }

    /** Whether the condition holds within the time given (the last consumers' effects may still be committing). */
    static boolean settles(java.util.function.BooleanSupplier condition, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            BenchSetup.sleep(250);
        }
        return true;
    }
}
