package org.commitmentledger.command.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.commitmentledger.platform.eventstore.EventLog;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.platform.web.IsoInstant;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/republications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "republications", description = "Send recorded events to Kafka again, for a new subscriber (ADMIN)")
class RepublicationController {

    static final ProblemType REPUBLICATION_NOT_FOUND =
            new ProblemType("republication-not-found", HttpStatus.NOT_FOUND, "Unknown republication");

    private final Republications republications;
    private final EventLog eventLog;

    RepublicationController(Republications republications, EventLog eventLog) {
        this.republications = republications;
        this.eventLog = eventLog;
    }

    /**
     * @param after          republish the events delivered after the event at this global position
     * @param fromRecordedAt republish the events recorded at or after this instant
     * @param topicPrefix    write to the topics of this prefix instead of the live ones (created when missing)
     */
    record RepublicationRequest(
            @Positive Long after,
            @JsonDeserialize(using = IsoInstant.class) Instant fromRecordedAt,
            @Pattern(regexp = "[A-Za-z0-9._-]{1,100}", message = "must be 1 to 100 characters of A-Z, a-z, 0-9, . _ -")
            String topicPrefix) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Republish from the start, after a global position, or from a recorded instant; 202 with"
            + " the republication's progress at Location")
    ResponseEntity<Republications.Progress> start(@Valid @RequestBody RepublicationRequest request) {
        if (request.after() != null && !eventLog.contains(request.after())) {
            throw new InvalidRequestException(List.of(new FieldProblem("after", "no event has global position "
                    + request.after())));
        }
        Republications.Progress progress = republications.start(new Republications.Request(
                request.after(), request.fromRecordedAt(), request.topicPrefix()));
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                                  .buildAndExpand(progress.id()).toUri())
                .body(progress);
    }

    @GetMapping
    @Operation(summary = "Every republication since the service started, with its progress")
    List<Republications.Progress> all() {
        return republications.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A republication's progress: events sent and acknowledged, rate, seconds left")
    Republications.Progress one(@PathVariable String id) {
        return republications.find(id).orElseThrow(() -> new ProblemException(REPUBLICATION_NOT_FOUND,
                "There is no republication " + id + " (progress is kept until the service restarts)."));
    }
}
