package com.example.mkt.customer.history;

import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;

/**
 * The histories (grades, tiers, credit tiers, the audit trail) page newest first by id: a cursor holds the last id
 * shown.
 */
public final class HistoryCursor {

    private HistoryCursor() {
    }

    public static String of(long id) {
        return PageRequest.cursor(Long.toString(id));
    }

    /** The id the page starts below: every id for the first page. */
    public static long before(PageRequest page) {
        if (page.first()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(page.after().get(0));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }
}
