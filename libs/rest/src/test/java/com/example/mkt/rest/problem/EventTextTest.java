package com.example.mkt.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.envelope.EventCodec;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Events read through a service's own mapper (JsonLimits applied): a record without a backslash skips the
 * control-character look (EventCodec.ESCAPE_FREE), and a record with one is still looked at, in the envelope's texts
 * and in every text and key of its data.
 */
class EventTextTest {

    private final EventCodec codec = new EventCodec(limited());

    private static ObjectMapper limited() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new JsonLimits().customize(mapper);
        return mapper;
    }

    private static String record(String subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"test\",\"type\":\"t\",\"time\":"
                + "\"2026-12-06T10:00:00+08:00\",\"subject\":\"" + subject + "\",\"data\":" + data + "}";
    }

    @Test
    void aRecordWithoutEscapesIsReadWhole() throws Exception {
        String json = record("客户-1", "{\"name\":\"张三\",\"lines\":[{\"sku\":\"A\"}],\"amount\":\"12.50\"}");
        assertTrue(EventCodec.escapeFree(json));
        var envelope = codec.read(json);
        assertEquals("客户-1", envelope.subject());
        assertEquals("张三", envelope.data().get("name").textValue());
        assertEquals("A", envelope.data().get("lines").get(0).get("sku").textValue());
    }

    @Test
    void escapesThatAreNoControlCharactersPass() throws Exception {
        String json = record("c-1", "{\"note\":\"line\\nnext \\\"quoted\\\" \\u4e2d\"}");
        assertFalse(EventCodec.escapeFree(json));
        assertEquals("line\nnext \"quoted\" 中", codec.read(json).data().get("note").textValue());
    }

    @Test
    void anEscapedControlCharacterIsRefusedWhereverItIs() {
        for (String json : new String[] {record("c\\u0000", "{}"), record("c-1", "{\"note\":\"a\\u0001b\"}"),
                record("c-1", "{\"deep\":[{\"x\":\"\\b\"}]}"), record("c-1", "{\"k\\u001f\":1}")}) {
            assertThrows(JsonLimits.ControlCharacter.class, () -> codec.read(json), json);
        }
    }

    @Test
    void aRawControlCharacterIsNoJsonAtAll() {
        // JSON forbids them unescaped, which is why a text without a backslash needs no look
        var refused = assertThrows(java.io.IOException.class,
                () -> codec.read(record("c-1", "{\"note\":\"a\u0001b\"}")));
        assertTrue(refused.getMessage().contains("Illegal unquoted character"), refused.getMessage());
    }
}
