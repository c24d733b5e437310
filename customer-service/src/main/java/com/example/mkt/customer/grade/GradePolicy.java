package com.example.mkt.customer.grade;

/**
 * Deal-horizon limits in calendar months, upper bounds inclusive (docs/domain.md#grades: A within 1 month, B
 * (1,3], C (3,6], D beyond). Months are added to today's date, so from 31 January
 * one month reaches 28 (29) February.
 */
public record GradePolicy(int aWithinMonths, int bWithinMonths, int cWithinMonths) {

    public GradePolicy {
        if (!(0 < aWithinMonths && aWithinMonths < bWithinMonths && bWithinMonths < cWithinMonths)) {
            throw new IllegalArgumentException("need 0 < A < B < C months");
        }
    }

    public static GradePolicy defaults() {
        return new GradePolicy(1, 3, 6);
    }
}
