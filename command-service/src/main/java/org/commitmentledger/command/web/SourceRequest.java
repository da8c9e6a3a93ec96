package org.commitmentledger.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmentledger.platform.web.ValidDate;
import org.commitmentledger.events.Source;

import java.time.LocalDate;

/** Where a fact comes from, as a request gives it. */
public record SourceRequest(
        @NotBlank @Size(max = 500) String document,
        @Size(max = 500) String title,
        @ValidDate LocalDate publishedOn,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 500) String locator) {

    public Source toSource() {
        return new Source(document, title, publishedOn, url, locator);
    }
}
