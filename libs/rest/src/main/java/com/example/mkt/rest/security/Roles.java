package com.example.mkt.rest.security;

import java.util.Set;

/** The roles of docs/api.md#authentication-and-roles, as carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String GM = "gm";
    public static final String MARKETING_DIRECTOR = "marketing_director";
    public static final String MANAGER = "manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String STAFF = "staff";
    public static final String ANALYST = "analyst";
    public static final String OPS = "ops";
    public static final String INTEGRATION = "integration";

    /** Roles that see every org unit. */
    public static final Set<String> WHOLE_COMPANY = Set.of(GM, MARKETING_DIRECTOR, ANALYST);

    /** People who work with business data (not ops, not machines). */
    public static final Set<String> PEOPLE = Set.of(GM, MARKETING_DIRECTOR, MANAGER, SUPERVISOR, STAFF, ANALYST);

    /** Roles that may change business data: every person but the read-only analyst. */
    public static final Set<String> WRITERS = Set.of(GM, MARKETING_DIRECTOR, MANAGER, SUPERVISOR, STAFF);

    /** Supervisors and above: the people who may see credit data. */
    public static final Set<String> SUPERVISORS_AND_ABOVE = Set.of(GM, MARKETING_DIRECTOR, MANAGER, SUPERVISOR);

    private Roles() {
    }
}
