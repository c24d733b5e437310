package com.example.mkt.planning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void identifiedItemsAreMatchedByIdAndOthersByPosition() throws Exception {
        JsonNode before = json("{'title':'计划','goals':[{'id':'a','v':'1'},{'id':'b','v':'2'}],'measures':['x']}");
        JsonNode after = json("{'title':'计划（修订）','goals':[{'id':'new','v':'9'},{'id':'a','v':'1'},{'id':'b','v':'3'}],"
                + "'measures':['x','y']}");
        List<String> paths = JsonDiff.between(before, after).stream().map(JsonDiff.Change::path).toList();
        assertEquals(List.of("title", "goals[b].v", "goals[new]", "measures[1]"), paths);
    }

    @Test
    void aFirstVersionDiffsAgainstNothing() throws Exception {
        List<JsonDiff.Change> changes = JsonDiff.between(null, json("{'title':'t'}"));
        assertEquals(1, changes.size());
        assertEquals("", changes.get(0).path());
    }

    @Test
    void equalContentHasNoChanges() throws Exception {
        assertEquals(List.of(), JsonDiff.between(json("{'a':[1,2]}"), json("{'a':[1,2]}")));
    }
}
