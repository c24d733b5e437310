package com.example.mkt.campaign.target;

/** One problem with an allocation, addressed the way the REST layer reports validation errors. */
public record TargetViolation(String field, String message) {
}
