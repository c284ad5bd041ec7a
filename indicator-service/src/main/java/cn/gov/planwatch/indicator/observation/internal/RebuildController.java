package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators rebuild the observations read model from the log, and follow its progress. */
@RestController
class RebuildController {

    private static final Logger audit = LoggerFactory.getLogger("planwatch.audit");

    private final ObservationRebuild rebuild;
    private final CallerResolver callers;

    RebuildController(ObservationRebuild rebuild, CallerResolver callers) {
        this.rebuild = rebuild;
        this.callers = callers;
    }

    @PostMapping("/api/v1/ops/projections/{name}/rebuild")
    ResponseEntity<RebuildStatus> start(@PathVariable String name) {
        requireKnown(name);
        var caller = callers.current();
        audit.info("audit action=rebuild projection={} client={} subject={} agency={}", name, caller.clientId(),
                caller.subject(), caller.agency());
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/api/v1/ops/projections/{name}")
    RebuildStatus status(@PathVariable String name) {
        requireKnown(name);
        return rebuild.status();
    }

    private static void requireKnown(String name) {
        if (!ObservationRebuild.PROJECTION.equals(name)) {
            throw Problems.notFound("projection", name);
        }
    }
}
