package com.example.mkt.rest.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MalformedRequestsTest {

    @Test
    void headerValuesMayHoldTabsAndLatin1ButNoOtherControl() {
        assertTrue(MalformedRequests.validHeaderValue("\"v1\"\t, W/\"v2\""));
        assertTrue(MalformedRequests.validHeaderValue("caf\u00e9"));
        for (char c : new char[] {0, 1, '\r', '\n', 0x1f, 0x7f}) {
            assertFalse(MalformedRequests.validHeaderValue("a" + c + "b"), Integer.toHexString(c));
        }
    }

    @Test
    void headerNamesAreTokens() {
        assertTrue(MalformedRequests.validHeaderName("If-Match"));
        assertTrue(MalformedRequests.validHeaderName("X-Custom_1.2!#$%&'*+^`|~"));
        for (String bad : new String[] {"", "If Match", "If-Match\u0001", "a@b", "a(b)", "na\u00efve"}) {
            assertFalse(MalformedRequests.validHeaderName(bad), bad);
        }
    }
}
