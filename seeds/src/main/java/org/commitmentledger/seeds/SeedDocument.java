package org.commitmentledger.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One seed file: a source document and everything in it, as the seed YAML states it. */
public record SeedDocument(
        Document document,
        List<Commitment> commitments,
        List<Reaffirmation> reaffirmations,
        List<Progress> progress,
        List<Claim> claims) {

    public SeedDocument {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        reaffirmations = reaffirmations == null ? List.of() : List.copyOf(reaffirmations);
        progress = progress == null ? List.of() : List.copyOf(progress);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    public record Document(String file, String title, String publisher, String url, LocalDate publishedOn,
                           String dateDerivation) {
    }

    public record Commitment(String id, String title, String description, List<String> parties, String category,
                             LocalDate madeOn, LocalDate dueBy, String dueByDerivation, Target target,
                             String locator) {
    }

    public record Target(BigDecimal quantity, String unit, String asWritten, Boolean uncertain) {
    }

    public record Reaffirmation(String commitment, LocalDate effectiveOn, String locator, String reason) {
    }

    public record Progress(String commitment, String reportId, LocalDate effectiveOn, String status,
                           BigDecimal quantity, String quantityAsWritten, Boolean quantityUncertain, String summary,
                           String locator) {
    }

    public record Claim(String id, String claimant, String party, LocalDate claimedOn, String statement,
                        String metric, Map<String, List<String>> scope, Months baseline, Months comparison,
                        BigDecimal claimedChangePercent, Extreme claimedExtreme, Figure figure,
                        BigDecimal tolerancePercentagePoints, String periodDerivation, String locator) {
    }

    public record Months(String from, String to) {
    }

    public record Extreme(String kind, String period, String since) {
    }

    public record Figure(BigDecimal value, String unit, String asWritten, Boolean uncertain) {
    }
}
