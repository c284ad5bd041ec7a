package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
class ObservationController {

    private final ObservationRules rules;
    private final ObservationRecorder recorder;
    private final ObservationHistory history;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    ObservationController(ObservationRules rules, ObservationRecorder recorder, ObservationHistory history,
            CallerResolver callers, IdempotentWrites idempotentWrites) {
        this.rules = rules;
        this.recorder = recorder;
        this.history = history;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    record Accepted(UUID eventId, String indicator, String period, String status) {
    }

    @PostMapping(path = "/api/v1/indicators/{code}/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Accepted>> report(@PathVariable String code,
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ObservationRequest request) {
        Caller caller = callers.current();
        // A retry under the same key gets the first answer even if the rules would now refuse it.
        return idempotentWrites.once(caller, idempotencyKey, "/api/v1/indicators/" + code + "/observations", request,
                Accepted.class, () -> {
                    Indicator indicator = rules.indicator(code);
                    ReportingPeriod period = rules.check(caller, indicator, request);
                    return recorder.record(caller, indicator, period, request);
                }, event -> ResponseEntity.accepted().body(
                        new Accepted(event.eventId(), event.indicator(), event.period(), "ACCEPTED")));
    }

    @GetMapping("/api/v1/indicators/{code}/observations")
    List<Observation> observations(@PathVariable String code) {
        return history.of(rules.indicator(code).code());
    }
}
