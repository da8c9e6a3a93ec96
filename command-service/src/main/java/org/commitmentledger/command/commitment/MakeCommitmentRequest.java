package org.commitmentledger.command.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.commitmentledger.command.web.SourceRequest;
import org.commitmentledger.platform.web.ValidDate;
import org.commitmentledger.events.Category;

import java.time.LocalDate;
import java.util.List;

record MakeCommitmentRequest(
        @Pattern(regexp = "[a-z0-9-]{3,100}", message = "must be 3 to 100 characters of a-z, 0-9 and -") String id,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 10_000) String description,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z]{2}",
                message = "must be an ISO 3166-1 alpha-2 code such as US or MX") String> parties,
        @NotNull Category category,
        @NotNull @ValidDate LocalDate madeOn,
        @Valid TargetRequest target,
        @ValidDate LocalDate dueBy,
        @NotNull @Valid SourceRequest source) {
}
