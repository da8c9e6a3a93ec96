package org.commitmentledger.query.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.events.ClaimRecorded;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.commitmentledger.query.encounter.EncounterFigures;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/claims", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "claims", description = "What the parties claimed, checked against CBP's figures")
class ClaimQueryController {

    static final ProblemType CLAIM_NOT_FOUND =
            new ProblemType("claim-not-found", HttpStatus.NOT_FOUND, "Unknown claim");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EncounterFigures figures;
    private final Clock clock;

    ClaimQueryController(JdbcClient jdbc, JsonMapper json, EncounterFigures figures, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.figures = figures;
        this.clock = clock;
    }

    record CheckedClaim(ClaimRecorded claim, ClaimCheck.Result check) {
    }

    record Claims(LocalDate asOf, Instant knownAt, List<CheckedClaim> claims) {
    }

    @GetMapping
    @Operation(summary = "Every claim with the value measured from the figures and a verdict")
    Claims all(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        Map<String, List<String>> labels = figures.labels(at);
        List<CheckedClaim> claims = claims(at, null).stream().map(claim -> check(claim, at, labels)).toList();
        return new Claims(at.asOf(), at.knownAt(), claims);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One claim with the value measured from the figures and a verdict")
    CheckedClaim one(@PathVariable String id, @RequestParam(required = false) String asOf,
                     @RequestParam(required = false) String knownAt) {
        TimePoint at = TimePoint.parse(asOf, knownAt, clock);
        ClaimRecorded claim = claims(at, id).stream().findFirst().orElseThrow(() -> new ProblemException(
                CLAIM_NOT_FOUND, "No claim with id " + id + " as of " + at.asOf() + ", known at " + at.knownAt()));
        return check(claim, at, figures.labels(at));
    }

    private CheckedClaim check(ClaimRecorded claim, TimePoint at, Map<String, List<String>> labels) {
        return new CheckedClaim(claim, ClaimCheck.check(claim, labels,
                figures.monthly(at, ClaimCheck.filter(claim.scope()), null)));
    }

    private List<ClaimRecorded> claims(TimePoint at, String id) {
        return jdbc.sql("select claim::text from query.claim where recorded_at <= :knownAt"
                                + " and claimed_on <= :asOf" + (id == null ? "" : " and claim_id = :id")
                                + " order by claimed_on, claim_id")
                .param("knownAt", Timestamp.from(at.knownAt())).param("asOf", at.asOf())
                .params(id == null ? Map.of() : Map.of("id", id))
                .query((row, n) -> json.readValue(row.getString(1), ClaimRecorded.class))
                .list();
    }
}
