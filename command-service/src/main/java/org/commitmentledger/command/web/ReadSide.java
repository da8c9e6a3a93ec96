package org.commitmentledger.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the query service answers reads. Writes answer 201 with a Location there: this service records facts, the
 * query service shows them.
 */
@ConfigurationProperties("ledger.read-side")
public record ReadSide(@DefaultValue("http://localhost:8082") URI baseUrl) {

    public URI commitment(String id) {
        return baseUrl.resolve("/api/commitments/" + id);
    }

    public URI claim(String id) {
        return baseUrl.resolve("/api/claims/" + id);
    }

    public URI encounters() {
        return baseUrl.resolve("/api/encounters/monthly");
    }
}
