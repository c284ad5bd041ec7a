package cn.gov.planwatch.programme.quarterly;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdateState;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** The quarterly update cycle: an agency submits its update, the lead agency accepts or returns it. */
@RestController
class QuarterlyUpdateController {

    private static final Logger security = LoggerFactory.getLogger("planwatch.security");

    private final QuarterlyUpdateRules rules;
    private final QuarterlyUpdateRecorder recorder;
    private final PlanCalendar calendar;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    QuarterlyUpdateController(QuarterlyUpdateRules rules, QuarterlyUpdateRecorder recorder, PlanCalendar calendar,
            CallerResolver callers, IdempotentWrites idempotentWrites) {
        this.rules = rules;
        this.recorder = recorder;
        this.calendar = calendar;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    /**
     * {@code status} says the request was taken into the log (as for every write); {@code state} is where
     * the update stands now.
     */
    record Accepted(UUID eventId, String agency, String quarter, String status, QuarterlyUpdateState state) {

        static ResponseEntity<Accepted> of(QuarterlyUpdateEvent event) {
            return ResponseEntity.accepted().body(new Accepted(event.eventId(), event.agency(), event.quarter(),
                    "ACCEPTED", QuarterlyUpdateState.after(event)));
        }
    }

    @PostMapping(path = "/api/v1/quarterly-updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Accepted>> submit(
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody SubmissionRequest request) {
        Caller caller = callers.current();
        return once(caller, idempotencyKey, "/api/v1/quarterly-updates", request, () -> {
            String agency = rules.submittingAgency(caller);
            ReportingPeriod quarter = calendar.reportableQuarter("quarter", request.quarter());
            return recorder.submit(caller, agency, quarter);
        });
    }

    @PostMapping("/api/v1/quarterly-updates/{agency}/{quarter}/accept")
    CompletableFuture<ResponseEntity<Accepted>> accept(@PathVariable String agency, @PathVariable String quarter,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey) {
        Caller caller = callers.current();
        rules.requireLeadOfPlan(caller);
        String path = "/api/v1/quarterly-updates/" + agency + "/" + quarter + "/accept";
        return once(caller, idempotencyKey, path, "", () -> {
            String code = rules.agency(agency).code();
            return recorder.accept(caller, code, calendar.knownQuarter(quarter));
        });
    }

    @PostMapping(path = "/api/v1/quarterly-updates/{agency}/{quarter}/return",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Accepted>> giveBack(@PathVariable String agency, @PathVariable String quarter,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReturnRequest request) {
        Caller caller = callers.current();
        rules.requireLeadOfPlan(caller);
        String path = "/api/v1/quarterly-updates/" + agency + "/" + quarter + "/return";
        return once(caller, idempotencyKey, path, request, () -> {
            String code = rules.agency(agency).code();
            ReportingPeriod known = calendar.knownQuarter(quarter);
            List<String> items = rules.checkReturn(request.reason(), request.items());
            return recorder.giveBack(caller, code, known, request.reason(), items);
        });
    }

    /** A refused reviewer is the caller's own standing, not a fault of the request: 403, nothing recorded. */
    @ExceptionHandler(NotLeadOfPlanException.class)
    ResponseEntity<ProblemDetail> notLeadOfPlan(NotLeadOfPlanException refused, HttpServletRequest request) {
        security.warn("security.refused status=403 method={} path={} agency={} reason=\"not the plan's lead agency\"",
                request.getMethod(), request.getRequestURI(), refused.callerAgency());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refused.getMessage());
        problem.setType(URI.create(Problems.TYPE_PREFIX + "not-lead-of-plan"));
        problem.setTitle("Not the plan's lead agency");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    // The recorder has already waited for the log's acknowledgement (under the quarter's lock).
    private CompletableFuture<ResponseEntity<Accepted>> once(Caller caller, String key, String path, Object request,
            Supplier<QuarterlyUpdateEvent> write) {
        return idempotentWrites.once(caller, key, path, request, Accepted.class,
                () -> CompletableFuture.completedFuture(write.get()), Accepted::of);
    }
}
