package org.commitmentledger.command.encounter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.commitmentledger.command.idempotency.IdempotentCommands;
import org.commitmentledger.command.web.ReadSide;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Imports a whole CBP encounters file as one release: all of it, or nothing if one row is wrong. */
@RestController
@RequestMapping(path = "/api/encounters/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "encounters")
class EncounterImportController {

    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N} ._:()/+-]{1,100}");

    private final IdempotentCommands commands;
    private final ReadSide readSide;
    private final int maxRows;
    private final int maxProblems;

    EncounterImportController(IdempotentCommands commands, ReadSide readSide,
                              @Value("${ledger.limits.max-import-rows:2000000}") int maxRows,
                              @Value("${ledger.limits.max-import-problems-listed:1000}") int maxProblems) {
        this.commands = commands;
        this.readSide = readSide;
        this.maxRows = maxRows;
        this.maxProblems = maxProblems;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import CBP's Southwest Land Border Encounters CSV as one release")
    ResponseEntity<ImportResult> importFile(
            @RequestParam String release,
            @RequestParam(defaultValue = "cbp-sw-land-border-encounters.csv") String document,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) throws IOException {
        requireLabel("release", release);
        requireLabel("document", document);
        MessageDigest digest = sha256();
        CbpEncounterFile.Parsed parsed;
        try (InputStreamReader body = new InputStreamReader(
                new DigestInputStream(request.getInputStream(), digest), StandardCharsets.UTF_8)) {
            parsed = CbpEncounterFile.read(body, release.strip(), document.strip(), maxRows, maxProblems);
        }
        ImportRequest asked = new ImportRequest(release.strip(), document.strip(),
                                                HexFormat.of().formatHex(digest.digest()));
        EncountersRecorded recorded = commands.send(new ImportEncounters(parsed.measurements()), idempotencyKey,
                                                    "POST /api/encounters/imports", asked);
        return ResponseEntity.created(readSide.encounters()).body(new ImportResult(
                asked.release(), parsed.rows(), parsed.measurements().size(), recorded.recorded(),
                recorded.superseded(), recorded.unchanged()));
    }

    private static void requireLabel(String name, String value) {
        if (!LABEL.matcher(value.strip()).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem(name,
                    "must be 1 to 100 letters, digits, spaces or . _ : ( ) / + -")));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What identifies an import for Idempotency-Key: the release, the document and the file's digest. */
    record ImportRequest(String release, String document, String sha256) {
    }

    /**
     * @param rows         data rows read from the file
     * @param measurements distinct (month, slice) counts they add up to
     */
    record ImportResult(String release, int rows, int measurements, int recorded, int superseded, int unchanged) {
    }
}
