package com.example.mkt.planning.approval;

/** The state allows the action but this actor may not take it; the REST layer answers 403. */
public class ApprovalNotPermittedException extends RuntimeException {

    public ApprovalNotPermittedException(String message) {
        super(message);
    }
}
