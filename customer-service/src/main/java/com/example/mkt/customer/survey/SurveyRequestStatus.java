package com.example.mkt.customer.survey;

/** A survey asked of a customer (after a closed complaint) is pending until answered. */
public enum SurveyRequestStatus {
    PENDING,
    ANSWERED
}
