package com.example.mkt.eventing.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast path must agree with OffsetDateTime.parse on every input: the same value, or the same refusal. */
class IsoTimesTest {

    @Test
    void theCommonShapesTakeTheFastPathAndAgree() {
        for (String s : List.of("2026-05-03T10:15:00+08:00", "2026-05-03T10:15:00Z", "2026-05-03T10:15:00.5+08:00",
                "2026-12-31T23:59:59.123456789-05:30", "2024-02-29T00:00:00+14:00", "2026-01-31T16:00:00-00:00")) {
            assertNotNull(IsoTimes.fast(s), s);
            assertEquals(OffsetDateTime.parse(s), IsoTimes.parseOffsetDateTime(s), s);
        }
    }

    @Test
    void everythingElseIsTheJdksToJudge() {
        for (String s : List.of("2026-05-03T10:15+08:00", "2026-05-03t10:15:00z", "2026-05-03T10:15:00+08:00:30",
                "2026-05-03T10:15:00.1234567891+08:00", "+12026-05-03T10:15:00Z",
                "2026-05-03T10:15:00.+08:00")) {
            assertEquals(expected(s), actual(s), s);
        }
        for (String s : List.of("2026-02-30T10:15:00+08:00", "2026-05-03T24:00:00Z", "2026-05-03T10:60:00Z",
                "2026-05-03T10:15:00+19:00", "2026-05-03T10:15:00", "yesterday",
                "2026-05-03 10:15:00+08:00", "2026-13-03T10:15:00Z", "２０２６-05-03T10:15:00Z")) {
            assertThrows(DateTimeParseException.class, () -> IsoTimes.parseOffsetDateTime(s), s);
        }
    }

    @Test
    void randomMutationsAgreeWithTheJdk() {
        Random random = new Random(20261205);
        String base = "2026-05-03T10:15:07.250+08:00";
        String alphabet = "0123456789-+:.TZ ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(base);
            for (int k = random.nextInt(3); k >= 0; k--) {
                s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(expected(s.toString()), actual(s.toString()), s.toString());
        }
    }

    private static Object expected(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }

    private static Object actual(String s) {
        try {
            return IsoTimes.parseOffsetDateTime(s);
        } catch (DateTimeParseException e) {
            return "refused";
        }
    }
}
