package com.example.mkt.customer.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MonthFiguresTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        MonthFigures.read(json, mapper, out::put);
        return out;
    }

    /** What Jackson's tree makes of the same text: the reading before this class. */
    private Map<String, String> byJackson(String json) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        mapper.readTree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Test
    void readsPostgresOutputAsJacksonDid() throws Exception {
        for (String json : new String[] {"{}", " { } ", "{\"2026-11\": \"35.50\"}",
                "{\"2025-12\": \"0.01\", \"2026-01\": \"1234567890123.45\", \"2026-11\": \"-3.00\"}",
                "{\"2026-10\": 3, \"2026-11\": 12}", "{\"2026-10\":3,\"2026-11\":\"4.5\"}",
                "{\n  \"2026-10\" : 1e2 ,\"2026-11\":-0.5\n}"}) {
            assertEquals(byJackson(json), read(json), json);
        }
        assertEquals(Map.of(), read(null));
    }

    @Test
    void otherShapesAreLeftToJackson() throws Exception {
        for (String json : new String[] {"{\"2026-11\": \"3\\u0035.00\"}", "{\"a\": {\"b\": 1}}", "{\"a\": true}",
                "{\"a\": null}", "{\"a\": [1, 2]}"}) {
            assertEquals(byJackson(json), read(json), json);
        }
    }

    @Test
    void corruptTextIsRefused() {
        for (String json : new String[] {"{", "{\"a\": }", "{\"a\" 1}", "{\"a\": 1,}"}) {
            assertThrows(IllegalStateException.class, () -> read(json), json);
        }
    }

    @Test
    void writesWhatItReads() {
        Map<YearMonth, BigDecimal> spend = new TreeMap<>(Map.of(YearMonth.of(2026, 10), new BigDecimal("120.00"),
                YearMonth.of(2026, 11), new BigDecimal("1E+3")));
        Map<YearMonth, Integer> orders = new TreeMap<>(Map.of(YearMonth.of(2026, 10), 3, YearMonth.of(2026, 11), 1));
        assertEquals("{\"2026-10\":\"120.00\",\"2026-11\":\"1000\"}", MonthFigures.write(spend));
        assertEquals("{\"2026-10\":3,\"2026-11\":1}", MonthFigures.write(orders));
        assertEquals(Map.of("2026-10", "120.00", "2026-11", "1000"), read(MonthFigures.write(spend)));
        assertEquals("{}", MonthFigures.write(Map.of()));
    }
}
