package com.example.mkt.customer.survey;

import java.util.Optional;
import java.util.Set;

import com.example.mkt.customer.customer.CustomerAccess;

import io.quarkus.panache.common.Parameters;

/**
 * Which survey rows (answers, requests) a caller may list: those of customers in their org subtree, and no A-grade
 * customer's rows for callers who may not read A-grade files. Taken as a value so the stores stay free of the
 * request's security context.
 *
 * @param units the visible org units; empty when the caller sees every unit
 */
record SurveyVisibility(Optional<Set<String>> units, boolean seesGradeA) {

    static SurveyVisibility of(CustomerAccess access) {
        return new SurveyVisibility(access.scope().visibleUnits(), access.seesGradeA());
    }

    /** Narrows a query over alias {@code a} (with {@code orgUnit} and {@code customerId}) to these rows. */
    void restrict(StringBuilder q, Parameters p) {
        if (units.isPresent()) {
            q.append(" and a.orgUnit in :units");
            p.and("units", inList(units.get()));
        }
        if (!seesGradeA) {
            q.append(" and not exists (select 1 from Customer c where c.id = a.customerId and c.grade = 'A')");
        }
    }

    /** An empty IN list is not valid SQL; no unit matches "" instead. */
    static Set<String> inList(Set<String> units) {
        return units.isEmpty() ? Set.of("") : units;
    }
}
