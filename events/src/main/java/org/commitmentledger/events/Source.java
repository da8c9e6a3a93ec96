package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/**
 * Where a fact comes from: the document (a seed file name or a URL), its title, its date, its URL when it gives one,
 * and a locator inside it (section heading, paragraph number).
 */
public record Source(
        @JsonProperty(required = true) String document,
        String title,
        LocalDate publishedOn,
        String url,
        String locator) {
}
