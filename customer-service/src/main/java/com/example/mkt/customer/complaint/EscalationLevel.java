package com.example.mkt.customer.complaint;

/**
 * Who above the handling agent watches a complaint (docs/domain.md#complaints: supervisor, then the centre director).
 */
public enum EscalationLevel {
    NONE,
    SUPERVISOR,
    CENTRE_DIRECTOR;

    public EscalationLevel above() {
        return this == NONE ? SUPERVISOR : CENTRE_DIRECTOR;
    }
}
