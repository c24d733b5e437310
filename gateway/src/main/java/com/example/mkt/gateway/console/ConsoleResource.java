package com.example.mkt.gateway.console;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.example.mkt.gateway.config.GatewayConfig;

/**
 * What the console's pages ask the gateway before anyone is signed in: how to sign in here, and (locally) the dev
 * sign-in itself. Public by nature, like a login page; everything the console shows comes from the authenticated API.
 */
@Path("/console")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    /** How the console signs people in on this deployment: the dev sign-in (locally) and/or an OIDC provider. */
    public record Settings(boolean devSignIn, List<String> roles, OidcSettings oidc) {
    }

    /** What the browser needs for the authorization-code flow with PKCE; null when no provider is configured. */
    public record OidcSettings(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope) {
    }

    public record DevSignInRequest(String role, String orgUnit, String staffId) {
    }

    private final DevSignIn devSignIn;
    private final GatewayConfig config;

    public ConsoleResource(DevSignIn devSignIn, GatewayConfig config) {
        this.devSignIn = devSignIn;
        this.config = config;
    }

    // The console's own plumbing, not part of the API front ends build on: left out of /openapi.
    @GET
    @Path("settings")
    @Operation(hidden = true)
    public Settings settings() {
        OidcSettings oidc = config.console().oidc().map(o -> new OidcSettings(o.authorizationEndpoint(),
                o.tokenEndpoint(), o.clientId(), o.scope().orElse("openid"))).orElse(null);
        return new Settings(devSignIn.enabled(), devSignIn.enabled() ? DevSignIn.ROLES : List.of(), oidc);
    }

    @POST
    @Path("dev-sign-in")
    @Operation(hidden = true)
    @Consumes(MediaType.APPLICATION_JSON)
    public DevSignIn.Token signIn(@Valid @NotNull DevSignInRequest body) {
        return devSignIn.signIn(body.role(), body.orgUnit(), body.staffId());
    }
}
