package org.commitmentledger.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBody       the largest request body accepted, except for file imports
 * @param maxImportBody the largest body accepted on {@code /api/encounters/imports} (a CBP file)
 */
@ConfigurationProperties("ledger.limits")
public record LimitsProperties(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("256MB") DataSize maxImportBody) {

    long bodyLimitFor(String path) {
        return path.startsWith("/api/encounters/imports") ? maxImportBody.toBytes() : maxBody.toBytes();
    }
}
