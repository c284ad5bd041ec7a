package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.rollup.ProgrammeRollUp;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Programme progress: reports by the programme's agencies, their history, and the programme's roll-up. */
@RestController
class ProgressController {

    private final ProgressRules rules;
    private final ProgressRecorder recorder;
    private final ProgressHistory history;
    private final PlanCalendar calendar;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    ProgressController(ProgressRules rules, ProgressRecorder recorder, ProgressHistory history, PlanCalendar calendar,
            CallerResolver callers, IdempotentWrites idempotentWrites) {
        this.rules = rules;
        this.recorder = recorder;
        this.history = history;
        this.calendar = calendar;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    record Accepted(UUID eventId, String programme, String quarter, String status) {
    }

    /** The catalogue's definition, the latest report of each agency that reported, and the roll-up. */
    record ProgrammeDetail(@JsonUnwrapped Programme definition, Map<String, ProgressReport> latestByAgency,
            ProgrammeRollUp rollUp) {
    }

    @PostMapping(path = "/api/v1/programmes/{slug}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Accepted>> report(@PathVariable String slug,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ProgressRequest request) {
        Caller caller = callers.current();
        // A retry under the same key gets the first answer even if the rules would now refuse it.
        return idempotentWrites.once(caller, idempotencyKey, "/api/v1/programmes/" + slug + "/progress", request,
                Accepted.class, () -> {
                    Programme programme = rules.programme(slug);
                    ReportingPeriod quarter = rules.check(caller, programme, request);
                    return CompletableFuture.completedFuture(recorder.record(caller, programme, quarter, request));
                }, event -> ResponseEntity.accepted().body(
                        new Accepted(event.eventId(), event.programme(), event.quarter(), "ACCEPTED")));
    }

    @GetMapping("/api/v1/programmes/{slug}")
    ProgrammeDetail programme(@PathVariable String slug) {
        Programme programme = rules.programme(slug);
        List<ProgressReport> current = history.current(programme.slug());
        return new ProgrammeDetail(programme, ProgrammeRollUp.latestByAgency(programme, current),
                ProgrammeRollUp.of(programme, current, calendar.currentQuarter()));
    }

    @GetMapping("/api/v1/programmes/{slug}/progress")
    List<ProgressReport> progress(@PathVariable String slug) {
        return history.of(rules.programme(slug).slug());
    }
}
