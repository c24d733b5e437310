package com.example.mkt.planning.approval;

import java.util.Objects;
import java.util.Set;

/** Who acts: the staff id ({@code sub}) and roles ({@code groups}) of the caller's token. */
public record Actor(String staffId, Set<String> roles) {

    public Actor {
        Objects.requireNonNull(staffId, "staffId");
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
