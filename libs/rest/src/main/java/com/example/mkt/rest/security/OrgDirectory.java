package com.example.mkt.rest.security;

import java.util.Optional;
import java.util.Set;

/** What a service knows of the org tree, for org scope. */
public interface OrgDirectory {

    boolean exists(String code);

    /** The unit and all its descendants; empty when the unit is unknown. */
    Set<String> subtree(String code);

    Optional<String> parentOf(String code);

    /** The unit's ancestors, nearest first, up to the root. */
    java.util.List<String> ancestors(String code);
}
