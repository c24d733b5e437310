package com.example.mkt.customer.grade;

/**
 * Grade by deal horizon (docs/domain.md#grades); D closes the gap in the business's wording for customers
 * beyond six months or without a qualified need. Best first.
 */
public enum CustomerGrade {
    A,
    B,
    C,
    D
}
