package com.example.mkt.rest.security;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller, from the verified bearer token: {@code sub} = staff id, {@code upn} = login,
 * {@code groups} = roles, {@code org} = the code of the caller's org unit.
 */
@RequestScoped
public class CurrentUser {

    public static final String ORG_CLAIM = "org";

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public String staffId() {
        return token.getSubject();
    }

    public String login() {
        String upn = token.getClaim("upn");
        return upn != null ? upn : token.getName();
    }

    public Set<String> roles() {
        Set<String> groups = token.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean hasAnyRole(Collection<String> candidates) {
        return candidates.stream().anyMatch(roles()::contains);
    }

    /** The caller's org unit code; null for tokens without one (machines). */
    public String orgUnit() {
        Object org = token.getClaim(ORG_CLAIM);
        return org == null ? null : org.toString();
    }

    public boolean seesWholeCompany() {
        return hasAnyRole(Roles.WHOLE_COMPANY);
    }
}
