package org.commitmentledger.command.commitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.commitmentledger.command.web.SourceRequest;
import org.commitmentledger.platform.web.ValidDate;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.ProgressStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies monitors send; each maps to one command. */
final class CommitmentRequests {

    static final String SLUG = "[a-z0-9-]{3,100}";
    static final String SLUG_MESSAGE = "must be 3 to 100 characters of a-z, 0-9 and -";

    private CommitmentRequests() {
    }

    record MakeCommitmentRequest(
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String id,
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

    record ReportProgressRequest(
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String reportId,
            @NotNull @ValidDate LocalDate effectiveOn,
            @NotNull ProgressStatus status,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal quantity,
            @Size(max = 200) String quantityAsWritten,
            Boolean quantityUncertain,
            @NotBlank @Size(max = 5_000) String summary,
            @NotNull @Valid SourceRequest source,
            @Size(max = 200) String assessor) {
    }

    record CorrectionRequest(
            @NotNull @ValidDate LocalDate effectiveOn,
            @NotNull ProgressStatus status,
            @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal quantity,
            @Size(max = 200) String quantityAsWritten,
            Boolean quantityUncertain,
            @NotBlank @Size(max = 5_000) String summary,
            @NotNull @Valid SourceRequest source,
            @Size(max = 200) String assessor,
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record RetractionRequest(
            @NotNull @ValidDate LocalDate effectiveOn,
            @Valid SourceRequest source,
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record RevisionRequest(
            @NotNull @ValidDate LocalDate effectiveOn,
            @Size(max = 300) String title,
            @Size(max = 10_000) String description,
            @Valid TargetRequest target,
            @ValidDate LocalDate dueBy,
            @NotNull @Valid SourceRequest source,
            @NotBlank @Size(max = 2_000) String reason) {
    }

    record ReaffirmationRequest(
            @NotNull @ValidDate LocalDate effectiveOn,
            @NotNull @Valid SourceRequest source,
            @Size(max = 2_000) String reason) {
    }

    record WithdrawalRequest(
            @NotNull @ValidDate LocalDate effectiveOn,
            @NotNull @Valid SourceRequest source,
            @NotBlank @Size(max = 2_000) String reason) {
    }
}
