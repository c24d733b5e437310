package com.example.mkt.customer.survey;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;

import io.quarkus.panache.common.Parameters;

/** Where a page ordered by a time and then by id goes on: after ({@code at}, {@code id}). */
record TimeCursor(Instant at, String id) {

    /** Empty on the first page; 400 {@code cursor} for a cursor this API did not issue. */
    static Optional<TimeCursor> of(PageRequest page) {
        if (page.first()) {
            return Optional.empty();
        }
        return Optional.of(new TimeCursor(time(page.after().get(0)), page.after().get(1)));
    }

    /** Narrows a query over alias {@code a} to the rows after this cursor on {@code timeField}. */
    void restrict(String timeField, StringBuilder q, Parameters p) {
        q.append(" and (a.").append(timeField).append(" > :afterAt or (a.").append(timeField)
                .append(" = :afterAt and a.id > :afterId))");
        p.and("afterAt", at).and("afterId", id);
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }
}
