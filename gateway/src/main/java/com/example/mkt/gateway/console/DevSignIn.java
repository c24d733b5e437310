package com.example.mkt.gateway.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.Roles;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The local platform's sign-in for the console: pick a role and an org unit, get the token `./platform token` would
 * print. It signs with the key the launcher hands the gateway (the one every local service trusts); a deployment that
 * sets no key has no dev sign-in at all, so a production gateway can never mint tokens.
 */
@ApplicationScoped
public class DevSignIn {

    /** People's roles, as tokens carry them; machines use API keys. */
    public static final List<String> ROLES = List.of(Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER,
            Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST, Roles.OPS);
    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A token and when it expires. */
    public record Token(String accessToken, String tokenType, String expiresAt, String role, String orgUnit,
                        String staffId) {
    }

    private final GatewayConfig.Console config;
    private final OrgDirectory directory;
    private final Clock clock;
    private final Optional<PrivateKey> key;

    @Inject
    public DevSignIn(GatewayConfig config, OrgDirectory directory) {
        this(config.console(), directory, Clock.systemUTC());
    }

    DevSignIn(GatewayConfig.Console config, OrgDirectory directory, Clock clock) {
        this.config = config;
        this.directory = directory;
        this.clock = clock;
        this.key = config.devSignInKey().map(DevSignIn::read);
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** @throws ApiException 404 when disabled, 400 naming the field for an unknown role or unit */
    public Token signIn(String role, String orgUnit, String staffId) {
        PrivateKey signingKey = key.orElseThrow(() -> ApiException.notFound("page", "/console/dev-sign-in"));
        List<FieldError> errors = new java.util.ArrayList<>();
        if (role == null || !ROLES.contains(role)) {
            errors.add(new FieldError("role", "must be one of " + String.join(", ", ROLES)));
        }
        if (orgUnit == null || !directory.exists(orgUnit)) {
            errors.add(new FieldError("orgUnit", "must be an org unit of the tree (planning-service /org-units)"));
        }
        if (staffId != null && !STAFF_ID.matcher(staffId).matches()) {
            errors.add(new FieldError("staffId", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String subject = staffId != null ? staffId : "dev-" + role + "-" + orgUnit.toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        Instant expires = now.plus(config.tokenValidity());
        String token = Jwt.issuer(config.issuer()).subject(subject).upn(subject).groups(Set.of(role))
                .claim("org", orgUnit).issuedAt(now.getEpochSecond()).expiresAt(expires.getEpochSecond())
                .jws().keyId("dev").sign(signingKey);
        return new Token(token, "Bearer", expires.toString(), role, orgUnit, subject);
    }

    private static PrivateKey read(Path pem) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(pem));
        } catch (IOException e) {
            throw new UncheckedIOException("gateway.console.dev-sign-in-key: cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("gateway.console.dev-sign-in-key: " + pem + " is not a PKCS#8 PEM key", e);
        }
    }
}
