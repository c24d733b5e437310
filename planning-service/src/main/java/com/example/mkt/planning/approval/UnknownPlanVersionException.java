package com.example.mkt.planning.approval;

/** The plan has no such version; the REST layer answers 404. */
public class UnknownPlanVersionException extends RuntimeException {

    public UnknownPlanVersionException(String planId, int version) {
        super("plan " + planId + " has no version " + version);
    }
}
