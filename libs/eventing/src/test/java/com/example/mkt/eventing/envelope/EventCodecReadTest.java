package com.example.mkt.eventing.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The envelope read field by field gives what Jackson's binding of the record gives, for the common shape and for
 * every variation around it; what it does not read itself goes to the binding, errors included.
 */
class EventCodecReadTest {

    private final EventCodec codec = new EventCodec(
            new ObjectMapper().findAndRegisterModules().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private static final String[] ATTRIBUTES = {"\"specversion\":\"1.0\"", "\"id\":\"e-1\"", "\"source\":\"/pos\"",
        "\"type\":\"sales.recorded\"", "\"dataversion\":\"1\"", "\"dataschema\":\"urn:x\"", "\"subject\":\"客户-7\"",
        "\"datacontenttype\":\"application/json\"", "\"time\":\"2026-11-30T23:59:59.5+08:00\"",
        "\"data\":{\"eventId\":\"S-1\",\"amount\":\"12.50\",\"items\":[{\"sku\":\"A\",\"qty\":2}],\"ok\":true}"};

    private static final String[] VARIATIONS = {"\"dataversion\":2", "\"dataversion\":null", "\"time\":null",
        "\"time\":1777774500", "\"time\":\"2026-05-03T10:15+08:00\"", "\"time\":\"2026-05-03T10:15:00Z\"",
        "\"data\":null", "\"data\":[1,2]", "\"data\":\"text\"", "\"data\":{}", "\"extension\":{\"a\":[1,{\"b\":2}]}",
        "\"traceparent\":\"00-abc-01\"", "\"id\":\"\"", "\"subject\":7", "\"specversion\":\"0.3\""};

    @Test
    void everyVariationReadsAsTheBindingReadsIt() throws IOException {
        List<String> records = new ArrayList<>();
        records.add("{" + String.join(",", ATTRIBUTES) + "}");
        for (int drop = 0; drop < ATTRIBUTES.length; drop++) {
            List<String> fields = new ArrayList<>(List.of(ATTRIBUTES));
            fields.remove(drop);
            records.add("{" + String.join(",", fields) + "}");
        }
        for (String variation : VARIATIONS) {
            List<String> fields = new ArrayList<>(List.of(ATTRIBUTES));
            String key = variation.substring(0, variation.indexOf(':'));
            fields.removeIf(f -> f.startsWith(key + ":"));
            fields.add(0, variation);
            records.add("{" + String.join(",", fields) + "}");
            fields.add(variation.equals("\"data\":null") ? "\"other\":1" : "\"trailing\":[]");
            records.add("{" + String.join(" , ", fields) + " }  ");
        }
        for (String json : records) {
            assertEquals(codec.readBound(json), codec.read(json), json);
        }
        // the common shape is read by hand, not handed on
        assertEquals(codec.readBound(records.get(0)), codec.readCommon(records.get(0)));
    }

    @Test
    void whatTheBindingRefusesIsRefusedWithItsMessage() {
        for (String json : new String[] {"", "[]", "\"text\"", "{\"id\":", "{\"id\":\"a\",\"id\":\"b\"}",
                "{\"data\":{\"a\":1,\"a\":2}}", "{\"id\":{\"nested\":1}}", "{\"time\":\"yesterday\"}", "not json"}) {
            IOException bound = assertThrows(IOException.class, () -> codec.readBound(json), json);
            IOException read = assertThrows(IOException.class, () -> codec.read(json), json);
            assertEquals(bound.getClass(), read.getClass(), json);
            assertEquals(bound.getMessage(), read.getMessage(), json);
        }
    }
}
