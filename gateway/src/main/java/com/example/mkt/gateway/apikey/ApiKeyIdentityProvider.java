package com.example.mkt.gateway.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.rest.security.Roles;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** An API key's identity: the client's name and the single role {@code integration}, nothing a person has. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiClients clients;

    public ApiKeyIdentityProvider(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return clients.clientFor(request.key())
                .<Uni<SecurityIdentity>>map(name -> Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(name))
                        .addRole(Roles.INTEGRATION)
                        .addAttribute(ApiClients.CLIENT_ATTRIBUTE, name)
                        .build()))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
    }
}
