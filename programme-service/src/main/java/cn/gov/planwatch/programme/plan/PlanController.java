package cn.gov.planwatch.programme.plan;

import cn.gov.planwatch.catalogue.InvalidPlanDocumentException;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocumentTooLargeException;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.PlanProblem;
import cn.gov.planwatch.catalogue.amendment.PlanVersionConflictException;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanId;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.caller.CallerResolver;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.platform.problem.FieldProblem;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import cn.gov.planwatch.planrules.input.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The plans: published, amended and closed at run time, as events; read by every role. */
@RestController
@Tag(name = "Plans", description = "The plans PlanWatch carries, published, amended and closed as events"
        + " / 规划的发布、修订与关闭")
class PlanController {

    static final String YAML = "application/yaml";

    private static final String PLAN_PARAMETER = "The plan's id: lower-case words joined by hyphens / 规划标识";

    private final PlanRegistry registry;
    private final PlanBook book;
    private final CallerResolver callers;
    private final IdempotentWrites idempotentWrites;

    PlanController(PlanRegistry registry, PlanBook book, CallerResolver callers, IdempotentWrites idempotentWrites) {
        this.registry = registry;
        this.book = book;
        this.callers = callers;
        this.idempotentWrites = idempotentWrites;
    }

    @Schema(name = "PlanSummary", description = "A plan as it stands: the version in force and whether it is closed.")
    record PlanSummary(
            @Schema(description = "The plan's id", requiredMode = REQUIRED, example = "ip-2021-2025") String id,
            @Schema(description = "The version in force", requiredMode = REQUIRED, example = "1") int version,
            @Schema(description = "The plan's title in Chinese", requiredMode = REQUIRED,
                    example = "“十四五”国家知识产权保护和运用规划") String titleZh,
            @Schema(description = "The plan's title in English", requiredMode = REQUIRED,
                    example = "14th Five-Year Plan for the Protection and Utilisation of Intellectual Property")
            String titleEn,
            @Schema(description = "The plan's first year", requiredMode = REQUIRED, example = "2021") int firstYear,
            @Schema(description = "The plan's target year", requiredMode = REQUIRED, example = "2025") int targetYear,
            @Schema(description = "The agency that leads the plan and reviews its updates", requiredMode = REQUIRED,
                    example = "CNIPA") String leadAgency,
            @Schema(description = "ACTIVE, or CLOSED once its lead agency closed it", requiredMode = REQUIRED,
                    allowableValues = {"ACTIVE", "CLOSED"}, example = "ACTIVE") String state,
            @Schema(description = "When the plan's first version was published", requiredMode = REQUIRED,
                    example = "2026-01-05T02:00:00Z") Instant publishedAt) {

        static PlanSummary of(PlanInForce plan) {
            var p = plan.document().plan();
            return new PlanSummary(p.id(), p.version(), p.titleZh(), p.titleEn(), p.firstYear(), p.targetYear(),
                    p.leadAgency(), plan.state(), plan.publishedAt());
        }
    }

    @Schema(name = "PlanDetail", description = "A plan: the document in force and every version published.")
    record PlanDetail(
            @Schema(description = "The plan's id", requiredMode = REQUIRED, example = "ip-2021-2025") String id,
            @Schema(description = "The version in force", requiredMode = REQUIRED, example = "1") int version,
            @Schema(description = "ACTIVE, or CLOSED once its lead agency closed it", requiredMode = REQUIRED,
                    allowableValues = {"ACTIVE", "CLOSED"}, example = "ACTIVE") String state,
            @Schema(description = "The plan document in force, in the catalogue's format as JSON: schemaVersion,"
                    + " plan, agencies, indicators, programmes", requiredMode = REQUIRED, type = "object",
                    implementation = Object.class) JsonNode document,
            @ArraySchema(arraySchema = @Schema(description = "Every version published, oldest first",
                    requiredMode = REQUIRED)) List<PlanVersion> versions) {
    }

    @Schema(name = "PlanDocumentAccepted", description = "A plan document in force: the event that put it there.")
    record Accepted(
            @Schema(description = "The PlanPublished or PlanAmended event", requiredMode = REQUIRED,
                    example = "5d1c6a8e-2f0b-3c47-9a51-7e2d4b8c0f13") UUID eventId,
            @Schema(description = "The plan's id", requiredMode = REQUIRED, example = "demo-2026-2030") String plan,
            @Schema(description = "The version in force", requiredMode = REQUIRED, example = "1") int version,
            @Schema(description = "PUBLISHED for a plan's first version, AMENDED for a later one",
                    requiredMode = REQUIRED, allowableValues = {"PUBLISHED", "AMENDED"}, example = "PUBLISHED")
            String status) {
    }

    @Schema(name = "PlanClosure", description = "Why the plan is closed.")
    record CloseRequest(
            @Schema(description = "Why, in the lead agency's words", example = "规划期已结束，转入终期评估")
            @Size(max = 4000) String reason) {
    }

    @Schema(name = "PlanClosedAccepted", description = "The plan's closure, durably in the event log.")
    record Closed(
            @Schema(description = "The PlanClosed event", requiredMode = REQUIRED,
                    example = "7a0e4c1b-93d2-4f58-b6a1-2c8d9e0f1a23") UUID eventId,
            @Schema(description = "The plan's id", requiredMode = REQUIRED, example = "demo-2026-2030") String plan,
            @Schema(description = "Always CLOSED", requiredMode = REQUIRED, allowableValues = "CLOSED",
                    example = "CLOSED") String status) {
    }

    @GetMapping("/api/v1/plans")
    @Operation(operationId = "listPlans", summary = "List the plans / 列出规划",
            description = "Every plan published, closed ones included, in the order they were first published: a"
                    + " JSON array.")
    @ApiResponse(responseCode = "200", description = "The plans / 规划列表",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = PlanSummary.class))))
    List<PlanSummary> plans() {
        return book.all().stream().map(PlanSummary::of).toList();
    }

    @GetMapping("/api/v1/plans/{plan}")
    @Operation(operationId = "getPlan", summary = "Get a plan / 查询规划",
            description = "The plan document in force (as JSON, in the catalogue's format) and every version"
                    + " published with the event that recorded it. With asOf, the plan as it stood at that instant:"
                    + " the version then in force (the latest recorded by then), and the versions up to it. Before"
                    + " the plan's first publication, its first version counts as in force.")
    @ApiResponse(responseCode = "200", description = "The plan / 规划",
            content = @Content(schema = @Schema(implementation = PlanDetail.class)))
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    PlanDetail plan(@Parameter(description = PLAN_PARAMETER, example = "ip-2021-2025") @PathVariable String plan,
            @Parameter(description = "The instant wanted (ISO-8601, UTC); absent: now / 所需时刻，缺省为当前",
                    schema = @Schema(type = "string", format = "date-time", example = "2026-06-30T16:00:00Z"))
            @RequestParam(required = false) String asOf) {
        Instant at = asOf == null ? null : instant(asOf);
        PlanInForce inForce = (at == null ? book.find(plan) : book.findAsOf(plan, at))
                .orElseThrow(() -> Problems.notFound("plan", plan));
        // The versions up to the one then in force: before the plan's first publication, that first version.
        List<PlanVersion> versions = book.versions(plan).stream()
                .filter(version -> version.version() <= inForce.version()).toList();
        return new PlanDetail(inForce.id(), inForce.version(), inForce.state(),
                PlanDocuments.toJsonTree(inForce.document()), versions);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("asOf", "must be an ISO-8601 instant, e.g. 2026-06-30T16:00:00Z");
        }
    }

    @PutMapping(path = "/api/v1/plans/{plan}", consumes = {YAML, MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "publishPlan", summary = "Publish or amend a plan / 发布或修订规划",
            description = "Takes the whole plan document in the catalogue's format, as YAML or JSON, up to 1 MiB;"
                    + " plan.id must be the plan of the address. The first document publishes the plan; one with a"
                    + " higher plan.version amends it (names, targets, baselines and notes may change, and anything"
                    + " may be added, but nothing that has reports may be removed or recoded). Every problem is"
                    + " listed at once in errors[], a YAML document's line in each message; nothing is recorded then."
                    + " The version in force sent again with the same content records nothing and answers 200 with"
                    + " the event that put it in force.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = YAML, schema = @Schema(type = "string", description = "The plan document as YAML"),
                    examples = @ExampleObject(name = "nextPlan", summary = "A new plan / 新规划", value = """
                            schemaVersion: 1
                            plan:
                              id: demo-2026-2030
                              version: 1
                              titleZh: "“十五五”示范规划"
                              titleEn: 15th Five-Year Demonstration Plan
                              firstYear: 2026
                              targetYear: 2030
                              leadAgency: NDRC
                            agencies:
                              - {code: NDRC, nameZh: 国家发展改革委, nameEn: National Development and Reform Commission}
                              - {code: MEE, nameZh: 生态环境部, nameEn: Ministry of Ecology and Environment}
                            indicators:
                              - code: D-01
                                number: 1
                                nameZh: 单位GDP二氧化碳排放降低
                                nameEn: Reduction of CO2 emissions per unit of GDP
                                unit: {code: percent, symbolZh: "%", nameEn: percent, kind: SHARE_PERCENT}
                                target: {year: 2030, value: 17}
                                attribute: BINDING
                                direction: 1
                                responsibleAgency: MEE
                                frequency: ANNUAL
                                bounds: {min: 0, max: 100}
                            programmes:
                              - slug: green-transition
                                box: 1
                                titleZh: 绿色转型工程
                                titleEn: Green transition
                                leadAgency: NDRC
                                participatingAgencies: [MEE]
                                measures:
                                  - {code: retrofit, titleZh: 推进重点行业节能改造, titleEn: Retrofit key industries}
                            """)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object",
                    description = "The plan document as JSON: the same fields as the YAML"))})
    @ApiResponse(responseCode = "202", description = "The plan's new version is durably in the event log"
            + " / 规划新版本已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "200", description = "The version in force, with the same content: nothing recorded"
            + " / 与现行版本相同，未记录", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "409", description = "The plan is closed (plan-closed), the version is already"
            + " published with other content or is lower than the one in force (plan-version-conflict), or a request"
            + " with this Idempotency-Key is still in flight / 规划已关闭，或版本冲突")
    @ApiResponse(responseCode = "422", description = "Every problem of the document, or of the amendment (something"
            + " with reports removed or recoded), or this Idempotency-Key used with another request; errors[] names"
            + " each field / 文档或修订的全部问题")
    ResponseEntity<Accepted> publish(
            @Parameter(description = PLAN_PARAMETER, example = "demo-2026-2030") @PathVariable String plan,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION,
                    example = "plan-demo-2026-2030-v1")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @RequestBody byte[] body, HttpServletRequest http) {
        Caller caller = callers.current();
        // The mapping's media types are the formats': a request of another type never gets here (415).
        PlanCatalogue proposed = refusedAsProblems(() -> PlanDocuments.parse(body,
                PlanDocumentFormat.ofMediaType(http.getContentType()).orElseThrow()));
        return idempotentWrites.once(caller, idempotencyKey, "/api/v1/plans/" + plan,
                PlanDocuments.toJsonTree(proposed), Accepted.class,
                claim -> refusedAsProblems(() -> registry.put(claim, caller, plan, proposed)),
                outcome -> ResponseEntity.status(outcome.recordedNow() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .body(new Accepted(outcome.eventId(), outcome.plan(), outcome.version(), outcome.status())));
    }

    @PostMapping(path = "/api/v1/plans/{plan}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "closePlan", summary = "Close a plan / 关闭规划",
            description = "Only the plan's lead agency closes it (the token's agency equal to the plan's"
                    + " leadAgency). Later writes to the plan are refused with 409 plan-closed; reads stay.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CloseRequest.class),
            examples = @ExampleObject(name = "ended", summary = "The plan period has ended / 规划期结束",
                    value = "{\"reason\": \"规划期已结束，转入终期评估\"}")))
    @ApiResponse(responseCode = "202", description = "The closure is durably in the event log / 关闭已写入事件日志",
            headers = @Header(name = IdempotentWrites.REPLAYED_HEADER,
                    description = IdempotentWrites.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(schema = @Schema(implementation = Closed.class)))
    @ApiResponse(responseCode = "403", description = "The token's agency does not lead this plan (not-lead-of-plan),"
            + " or the caller's role may not close plans / 调用方不是该规划的牵头部门")
    @ApiResponse(responseCode = "404", description = "No plan is published under this id / 没有该规划")
    @ApiResponse(responseCode = "409", description = "The plan is closed already (plan-closed), or a request with"
            + " this Idempotency-Key is still in flight / 规划已关闭")
    @ApiResponse(responseCode = "422", description = "A reason with unprintable characters, or this Idempotency-Key"
            + " used with another request / 关闭理由含不可打印字符，或幂等键用于不同请求")
    ResponseEntity<Closed> close(
            @Parameter(description = PLAN_PARAMETER, example = "demo-2026-2030") @PathVariable String plan,
            @Parameter(in = ParameterIn.HEADER, name = IdempotentWrites.HEADER,
                    description = IdempotentWrites.HEADER_DESCRIPTION,
                    example = "close-demo-2026-2030")
            @RequestHeader(name = IdempotentWrites.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CloseRequest request) {
        Caller caller = callers.current();
        requirePlanId(plan);
        TextRules.requirePrintable("reason", request.reason());
        return idempotentWrites.once(caller, idempotencyKey, "/api/v1/plans/" + plan + "/close", request,
                Closed.class, claim -> refusedAsProblems(() -> registry.close(claim, caller, plan, request.reason())),
                (PlanClosed closed) -> ResponseEntity.accepted().body(new Closed(closed.eventId(), plan, "CLOSED")));
    }

    private static void requirePlanId(String plan) {
        PlanId.problemWith(plan).ifPresent(problem -> {
            throw Problems.notFound("plan", plan);
        });
    }

    /**
     * The plan rules' refusals as the problems they are answered with; thrown where the write runs, so that a refused
     * write gives its Idempotency-Key back (nothing was recorded).
     */
    private static <T> T refusedAsProblems(Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidPlanDocumentException e) {
            List<FieldProblem> errors = e.problems().stream().map(PlanController::fieldProblem).toList();
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.TYPE_PREFIX + "invalid-plan-document",
                    "Invalid plan document", errors.size() + " problem(s) in the plan document; nothing was recorded.",
                    errors, null);
        } catch (PlanDocumentTooLargeException e) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, Problems.TYPE_PREFIX + "body-too-large",
                    "Body too large", e.getMessage(), List.of(), null);
        } catch (PlanVersionConflictException e) {
            throw Problems.conflict("plan-version-conflict", "Plan version conflict", e.getMessage());
        } catch (NotLeadOfThisPlanException e) {
            throw new ProblemException(HttpStatus.FORBIDDEN, Problems.TYPE_PREFIX + "not-lead-of-plan",
                    "Not the plan's lead agency", e.getMessage(), List.of(), null);
        }
    }

    private static FieldProblem fieldProblem(PlanProblem problem) {
        return new FieldProblem(problem.field(),
                problem.line() == null ? problem.message() : "line " + problem.line() + ": " + problem.message());
    }
}
