package org.commitmentledger.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.commitmentledger.platform.web.ProblemException;
import org.commitmentledger.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "admin", description = "Projection rebuilds and lag (ADMIN)")
class ProjectionAdminController {

    static final ProblemType PROJECTION_NOT_FOUND =
            new ProblemType("projection-not-found", HttpStatus.NOT_FOUND, "Unknown projection");

    private final ProjectionRebuilds rebuilds;
    private final ProjectionLag lag;

    ProjectionAdminController(ProjectionRebuilds rebuilds, ProjectionLag lag) {
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    @GetMapping
    @Operation(summary = "The projections, how far behind the log each is, and their last rebuild")
    List<ProjectionLag.Status> projections() {
        return rebuilds.names().stream().map(lag::status).toList();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the event log while reads go on; 202 with the progress")
    ResponseEntity<ProjectionRebuilds.Progress> rebuild(@PathVariable String name) {
        requireKnown(name);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name + "/rebuild"))
                .body(rebuilds.start(name));
    }

    @GetMapping("/{name}/rebuild")
    @Operation(summary = "Progress of the projection's last rebuild: events done, rate, time left")
    ProjectionRebuilds.Progress progress(@PathVariable String name) {
        requireKnown(name);
        return rebuilds.progress(name).orElseThrow(() -> new ProblemException(PROJECTION_NOT_FOUND,
                "No rebuild of " + name + " has run since the service started"));
    }

    private void requireKnown(String name) {
        if (!rebuilds.exists(name)) {
            throw new ProblemException(PROJECTION_NOT_FOUND, "No projection " + name + "; there are "
                    + rebuilds.names());
        }
    }
}
