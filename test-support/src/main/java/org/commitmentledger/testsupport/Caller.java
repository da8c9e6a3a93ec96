package org.commitmentledger.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who calls a service in the access tests: nobody, each local user over HTTP Basic, each role with a JWT from the
 * trusted issuer ({@link TestJwts}), and two tokens that carry every role but must be refused: one naming another
 * issuer, one expired.
 */
public enum Caller {
    ANONYMOUS(null, null),
    MONITOR("MONITOR", basic("monitor", "monitor-local")),
    AUDITOR("AUDITOR", basic("auditor", "auditor-local")),
    ADMIN("ADMIN", basic("admin", "admin-local")),
    MONITOR_TOKEN("MONITOR", bearer(TestJwts.get().valid("jwt-monitor", "MONITOR"))),
    AUDITOR_TOKEN("AUDITOR", bearer(TestJwts.get().valid("jwt-auditor", "AUDITOR"))),
    ADMIN_TOKEN("ADMIN", bearer(TestJwts.get().valid("jwt-admin", "ADMIN"))),
    WRONG_ISSUER(null, bearer(TestJwts.get().fromWrongIssuer("jwt-intruder", "MONITOR", "AUDITOR", "ADMIN"))),
    EXPIRED(null, bearer(TestJwts.get().expired("jwt-former-admin", "MONITOR", "AUDITOR", "ADMIN")));

    private final String role;
    private final Credentials credentials;

    Caller(String role, Credentials credentials) {
        this.role = role;
        this.credentials = credentials;
    }

    /** The {@code Authorization} header this caller sends, if any. */
    public Optional<String> authorization() {
        return Optional.ofNullable(credentials).map(Credentials::header);
    }

    /** Whether the service should take this caller as having {@code role}. */
    public boolean hasRole(String role) {
        return role.equals(this.role);
    }

    /** Credentials that are present but must not be accepted. */
    public boolean presentsBadCredentials() {
        return credentials != null && role == null;
    }

    /** What must never appear in a log, an event or a response: the password or the token, as sent or encoded. */
    public List<String> secrets() {
        return credentials == null ? List.of() : credentials.secrets();
    }

    private static Credentials basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Credentials("Basic " + encoded, List.of(password, encoded));
    }

    private static Credentials bearer(String token) {
        return new Credentials("Bearer " + token, List.of(token));
    }

    private record Credentials(String header, List<String> secrets) {
    }
}
