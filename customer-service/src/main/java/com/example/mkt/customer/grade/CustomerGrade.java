package com.example.mkt.customer.grade;

/**
 * Grade by deal horizon (DOMAIN.md §1, {@code 004:949-955}); D closes the documents' gap for customers
 * beyond six months or without a qualified need. Best first.
 */
public enum CustomerGrade {
    A,
    B,
    C,
    D
}
