package com.example.mkt.customer.survey;

/** How the answer was collected. */
public enum SurveyChannel {
    PHONE,
    VISIT,
    SMS,
    EMAIL,
    WEB,
    IM,
    PAPER
}
