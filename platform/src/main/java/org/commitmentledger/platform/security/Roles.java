package org.commitmentledger.platform.security;

/** Who may do what: monitors write, auditors read the audit trail, admins rebuild and republish. */
public final class Roles {

    public static final String MONITOR = "MONITOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
