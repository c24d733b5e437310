package com.example.mkt.planning.approval;

/** An amendment was asked for while another version is still open; the REST layer answers 409. */
public class OpenVersionExistsException extends RuntimeException {

    private final int openVersion;
    private final ApprovalState openState;

    public OpenVersionExistsException(int openVersion, ApprovalState openState) {
        super("version " + openVersion + " is still " + openState + "; finish or discard it first");
        this.openVersion = openVersion;
        this.openState = openState;
    }

    public int openVersion() {
        return openVersion;
    }

    public ApprovalState openState() {
        return openState;
    }
}
