package com.example.mkt.eventing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.jdbc.TextArrays;

import io.quarkus.test.junit.QuarkusTest;

/** What PostgreSQL reads back from {@link TextArrays}' literals: every text exactly, in order, nulls as SQL NULL. */
@QuarkusTest
class TextArraysIT {

    @Inject
    DataSource dataSource;

    @Test
    void everyTextComesBackExactlyInItsPlace() throws Exception {
        List<String> texts = Arrays.asList("plain", "", null, "NULL", "null", " lead and trail ", "a,b", "{braces}",
                "\"quoted\"", "back\\slash", "\\\"", "tab\there", "line\nbreak\r\n", "南昌分公司 旅游意外险", "😀 emoji",
                "'single'", "x".repeat(5_000));
        List<String> back = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT x FROM unnest(?::text[]) WITH ORDINALITY AS u(x, o) ORDER BY o")) {
            TextArrays.bind(ps, 1, texts);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
        }
        assertEquals(texts, back);
    }

    @Test
    void numbersAndInstantsAreReadByTheStatementsCast() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT n, t FROM unnest(?::numeric[], ?::timestamptz[])"
                     + " WITH ORDINALITY AS u(n, t, o) ORDER BY o")) {
            TextArrays.bind(ps, 1, List.of("12.50", "-0.01", "1234567890123.99"));
            TextArrays.bind(ps, 2, List.of("2026-12-06T01:02:03Z", "2026-02-28T16:00:00.123456Z",
                    "2026-05-03T10:15:00+08:00"));
            List<BigDecimal> numbers = new ArrayList<>();
            List<Instant> instants = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getBigDecimal(1));
                    instants.add(rs.getTimestamp(2).toInstant());
                }
            }
            assertEquals(List.of(new BigDecimal("12.50"), new BigDecimal("-0.01"), new BigDecimal("1234567890123.99")),
                    numbers);
            assertEquals(List.of(Instant.parse("2026-12-06T01:02:03Z"), Instant.parse("2026-02-28T16:00:00.123456Z"),
                    Instant.parse("2026-05-03T02:15:00Z")), instants);
        }
    }
}
