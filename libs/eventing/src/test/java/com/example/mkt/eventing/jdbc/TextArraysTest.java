package com.example.mkt.eventing.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextArraysTest {

    @Test
    void everyElementIsQuotedAndOnlyQuotesAndBackslashesAreEscaped() {
        assertEquals("{\"a\",\"\",NULL,\"NULL\",\"x,y {z}\",\"say \\\"hi\\\"\",\"c:\\\\dir\",\"南昌\"}",
                TextArrays.literal(Arrays.asList("a", "", null, "NULL", "x,y {z}", "say \"hi\"", "c:\\dir", "南昌")));
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertEquals("{}", TextArrays.literal(List.of()));
    }
}
