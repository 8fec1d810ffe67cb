package fr.gouv.conventions.api.queries;

import fr.gouv.conventions.api.problems.NoRebuildYet;
import fr.gouv.conventions.projections.rebuild.ReadModelRebuild;
import fr.gouv.conventions.projections.rebuild.RebuildProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Rebuilds every read model from the event store, while the current ones stay served. */
@RestController
@RequestMapping(path = "/api/admin/projections/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
class RebuildController {

    private static final URI PROGRESS = URI.create("/api/admin/projections/rebuild");

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** The progress of a rebuild, with its rate in events per second. */
    record Progress(String id, RebuildProgress.Phase phase, long done, long total, double eventsPerSecond,
                    String target, java.time.Instant startedAt, java.time.Instant finishedAt, String failure) {
        static Progress of(RebuildProgress progress) {
            return new Progress(progress.id(), progress.phase(), progress.done(), progress.total(),
                    progress.eventsPerSecond(), progress.target(), progress.startedAt(), progress.finishedAt(),
                    progress.failure());
        }
    }

    @PostMapping
    @Operation(summary = "Start a rebuild (202), or get the one already running (200); follow it at Location")
    ResponseEntity<Progress> start() {
        ReadModelRebuild.StartedRebuild started = rebuild.start();
        return ResponseEntity.status(started.started() ? HttpStatus.ACCEPTED : HttpStatus.OK).location(PROGRESS)
                .body(Progress.of(started.progress()));
    }

    @GetMapping
    @Operation(summary = "The progress of the current or last rebuild")
    Progress progress() {
        return rebuild.progress().map(Progress::of)
                .orElseThrow(() -> new NoRebuildYet());
    }
}
