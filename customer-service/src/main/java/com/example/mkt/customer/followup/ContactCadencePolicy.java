package com.example.mkt.customer.followup;

import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.shared.BusinessTime;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Contact cadence by grade (docs/domain.md#contact-cadence-and-follow-ups): A a call every week
 * and a visit every 2 months; B weekly and every 3 months; C every 2 weeks and every 4 months. D has
 * no cadence (the business stops at C; such customers are worked through campaigns). After-sales
 * callback by the end of the 3rd day after the sale (docs/domain.md#after-sales-callbacks). A visit also counts as that
 * week's call: the salesperson spoke to the customer, and a call on top would be noise.
 */
public record ContactCadencePolicy(Map<CustomerGrade, Cadence> cadences, int afterSalesCallbackDays,
                                   boolean visitCountsAsCall, ZoneId zone) {

    public ContactCadencePolicy {
        cadences = Map.copyOf(cadences);
        if (afterSalesCallbackDays < 0) {
            throw new IllegalArgumentException("afterSalesCallbackDays must not be negative");
        }
        Objects.requireNonNull(zone, "zone");
    }

    public static ContactCadencePolicy defaults() {
        Map<CustomerGrade, Cadence> cadences = new EnumMap<>(CustomerGrade.class);
        cadences.put(CustomerGrade.A, new Cadence(1, 2, VisitAudience.SENIOR_MANAGEMENT));
        cadences.put(CustomerGrade.B, new Cadence(1, 3, VisitAudience.MARKETING_DIRECTOR_OR_ABOVE));
        cadences.put(CustomerGrade.C, new Cadence(2, 4, VisitAudience.MARKETING_MANAGERS));
        return new ContactCadencePolicy(cadences, 3, true, BusinessTime.SHANGHAI);
    }

    public Optional<Cadence> cadenceFor(CustomerGrade grade) {
        return Optional.ofNullable(cadences.get(grade));
    }
}
