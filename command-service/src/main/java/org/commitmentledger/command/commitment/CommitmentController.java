package org.commitmentledger.command.commitment;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.commitmentledger.command.web.ReadSide;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.Party;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
class CommitmentController {

    private final CommandGateway commands;
    private final ReadSide readSide;

    CommitmentController(CommandGateway commands, ReadSide readSide) {
        this.commands = commands;
        this.readSide = readSide;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommitmentVersion> make(@Valid @RequestBody MakeCommitmentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Party> parties = request.parties().stream()
                .filter(code -> {
                    boolean valid = Party.isValid(code);
                    if (!valid) {
                        problems.add(new FieldProblem("parties", code + " is not an ISO 3166-1 alpha-2 code"));
                    }
                    return valid;
                })
                .map(Party::new)
                .toList();
        if (parties.stream().distinct().count() != parties.size()) {
            problems.add(new FieldProblem("parties", "each party may be named once"));
        }
        if (request.dueBy() != null && request.dueBy().isBefore(request.madeOn())) {
            problems.add(new FieldProblem("dueBy", "must not be before madeOn"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        CommitmentId id = request.id() != null ? new CommitmentId(request.id()) : CommitmentIds.from(request.title());
        commands.sendAndWait(new MakeCommitment(
                id, request.title(), request.description(), parties, request.category(), request.madeOn(),
                request.target() == null ? null : request.target().toTarget(), request.dueBy(),
                request.source().toSource()));
        CommitmentVersion created = new CommitmentVersion(id.value(), 0);
        return ResponseEntity.created(readSide.commitment(id.value()))
                .eTag(created.etag())
                .body(created);
    }
}
