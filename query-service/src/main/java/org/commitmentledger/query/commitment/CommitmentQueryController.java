package org.commitmentledger.query.commitment;

import org.commitmentledger.events.Source;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
class CommitmentQueryController {

    static final ProblemType COMMITMENT_NOT_FOUND =
            new ProblemType("commitment-not-found", HttpStatus.NOT_FOUND, "Unknown commitment");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CommitmentQueryController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/{id}")
    ResponseEntity<CommitmentView> commitment(@PathVariable String id) {
        CommitmentView view = jdbc.sql("select * from query.commitment where id = :id")
                .param("id", id)
                .query((row, number) -> {
                    BigDecimal quantity = row.getBigDecimal("target_quantity");
                    return new CommitmentView(
                            row.getString("id"), row.getString("title"), row.getString("description"),
                            strings(row.getArray("parties")), row.getString("category"),
                            row.getObject("made_on", java.time.LocalDate.class),
                            quantity == null ? null
                                    : new CommitmentView.TargetView(quantity, row.getString("target_unit")),
                            row.getObject("due_by", java.time.LocalDate.class),
                            json.readValue(row.getString("source"), Source.class),
                            row.getLong("version"),
                            row.getObject("recorded_at", OffsetDateTime.class).toInstant());
                })
                .optional()
                .orElseThrow(() -> new ProblemException(COMMITMENT_NOT_FOUND, "No commitment with id " + id));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
