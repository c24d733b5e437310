package com.example.mkt.planning.org;

/** A query named a unit the tree does not hold; the REST layer answers 404. */
public class UnknownOrgUnitException extends RuntimeException {

    private final String code;

    public UnknownOrgUnitException(String code) {
        super("unknown org unit: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
