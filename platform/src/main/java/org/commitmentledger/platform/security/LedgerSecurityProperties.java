package org.commitmentledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicReads   anyone may read commitment status and trends (they are public commitments)
 * @param localUsers    the HTTP Basic users monitor, auditor and admin of the local run; refused on a non-loopback
 *                      address
 * @param rolesClaim    the JWT claim that lists a caller's roles
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        @DefaultValue("true") boolean publicReads,
        @DefaultValue("false") boolean localUsers,
        @DefaultValue("roles") String rolesClaim) {
}
