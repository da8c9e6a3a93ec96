package org.commitmentledger.command.encounter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.commitmentledger.command.idempotency.IdempotentCommands;
import org.commitmentledger.command.web.ReadSide;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping(path = "/api/encounters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "encounters", description = "Record CBP's monthly encounter counts")
class EncounterController {

    private final IdempotentCommands commands;
    private final ReadSide readSide;
    private final Validator validator;
    private final JsonMapper json;
    private final int maxMeasurements;

    EncounterController(IdempotentCommands commands, ReadSide readSide, Validator validator, JsonMapper json,
                        @Value("${ledger.limits.measurements-per-request:10000}") int maxMeasurements) {
        this.commands = commands;
        this.readSide = readSide;
        this.validator = validator;
        this.json = json;
        this.maxMeasurements = maxMeasurements;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record one count or an array of counts (EncountersMeasured); all or nothing")
    ResponseEntity<EncountersRecorded> record(
            @RequestBody JsonNode body,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String idempotencyKey) {
        List<MeasurementRequest> requests = parse(body);
        EncountersRecorded recorded = commands.send(
                new RecordEncounters(requests.stream().map(MeasurementRequest::toMeasurement).toList()),
                idempotencyKey, "POST /api/encounters", requests);
        return ResponseEntity.created(readSide.encounters()).body(recorded);
    }

    private List<MeasurementRequest> parse(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw invalid("body", "must be a measurement or an array of measurements");
        }
        if (items.isEmpty()) {
            throw invalid("body", "must hold at least one measurement");
        }
        if (items.size() > maxMeasurements) {
            throw invalid("body", "holds " + items.size() + " measurements; at most " + maxMeasurements
                    + " per request (use /api/encounters/imports for whole files)");
        }
        List<MeasurementRequest> requests = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = body.isArray() ? "[" + i + "]." : "";
            try {
                MeasurementRequest request = json.treeToValue(items.get(i), MeasurementRequest.class);
                for (ConstraintViolation<MeasurementRequest> violation : validator.validate(request)) {
                    problems.add(new FieldProblem(at + violation.getPropertyPath(), violation.getMessage()));
                }
                requests.add(request);
            } catch (JacksonException e) {
                problems.add(new FieldProblem(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                                              e.getOriginalMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return requests;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }
}
