package com.example.mkt.customer.workflow;

/**
 * Whoever files a request may not decide it (docs/domain.md#vip-and-membership-tiers: a VIP nomination "needs a
 * manager's approval", i.e. someone else's). The REST layer maps it to 403/422.
 */
public final class FourEyesViolationException extends RuntimeException {

    private final String actor;

    public FourEyesViolationException(String what, String actor) {
        super(actor + " cannot decide a " + what + " they filed themselves");
        this.actor = actor;
    }

    public String actor() {
        return actor;
    }
}
