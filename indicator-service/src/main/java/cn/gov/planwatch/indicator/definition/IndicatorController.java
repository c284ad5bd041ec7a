package cn.gov.planwatch.indicator.definition;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.catalogue.progress.Progress;
import cn.gov.planwatch.catalogue.progress.ProgressMeasure;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.indicator.observation.Observation;
import cn.gov.planwatch.indicator.observation.ObservationHistory;
import cn.gov.planwatch.indicator.plan.KnownPlans;
import cn.gov.planwatch.planrules.NotInPlanException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The indicators as each plan defines them, with what has been reported to the plan against them. */
@RestController
@Tag(name = "Indicators", description = "The plan's key indicators, what has been reported against them and how "
        + "they stand against their targets / 规划主要指标、报送情况及目标进展")
class IndicatorController {

    private static final String AS_OF = "The instant (ISO-8601) whose version in force to use; now if absent. Before "
            + "the plan's first publication its first version counts / 以该时刻的现行版本为准，缺省为当前；首次发布前以首个版本为准";

    private final ObservationHistory history;
    private final ProgressMeasure progressMeasure;
    private final KnownPlans plans;
    private final DefaultPlan defaultPlan;
    private final Clock clock;

    IndicatorController(ObservationHistory history, ProgressMeasure progressMeasure, KnownPlans plans,
            DefaultPlan defaultPlan, Clock clock) {
        this.history = history;
        this.progressMeasure = progressMeasure;
        this.plans = plans;
        this.defaultPlan = defaultPlan;
        this.clock = clock;
    }

    @Schema(name = "PeriodValue", description = "The current value of one period / 某报告期的现值")
    record SeriesPoint(
            @Schema(description = "The period: YYYY or YYYY-Qn", example = "2023", requiredMode = REQUIRED)
            String period,
            @Schema(description = "Its current value, in the indicator's unit", example = "11.8",
                    requiredMode = REQUIRED) BigDecimal value) {
    }

    @Schema(description = "An indicator's definition with its latest value (null until one is reported), its "
            + "series of current values and its progress / 指标定义及最新值（尚未报送时为 null）、现值序列与目标进展")
    record IndicatorDetail(
            @JsonUnwrapped Indicator definition,
            // Inline: OpenAPI 3.0 cannot mark a reference nullable.
            @Schema(description = "The current observation of the latest period; null until a value is reported",
                    nullable = true, requiredMode = REQUIRED,
                    schemaResolution = Schema.SchemaResolution.INLINE) Observation latest,
            @Schema(description = "The current value of each reported period, oldest first", requiredMode = REQUIRED)
            List<SeriesPoint> series,
            @Schema(requiredMode = REQUIRED) Progress progress) {
    }

    @GetMapping({"/api/v1/indicators", "/api/v1/plans/{plan}/indicators"})
    @Operation(operationId = "listIndicators", summary = "A plan's key indicators / 规划主要指标", description =
            "Each indicator as the document of the plan's version in force defines it: names, unit, baseline, target, "
            + "attribute and the agency responsible for reporting it. Plans are independent, so one code may name "
            + "different indicators in two plans. / 该规划现行版本中定义的各项指标。")
    @ApiResponse(responseCode = "200", description = "The plan's indicators, in the plan's order / 该规划的各项指标",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = Indicator.class))))
    @ApiResponse(responseCode = "404", description = "Unknown plan, or not in force at asOf / 未知规划或该时刻未生效")
    List<Indicator> indicators(@PathVariable(required = false) String plan,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        return plans.require(defaultPlan.or(plan), asOf == null ? clock.instant() : asOf).indicators();
    }

    @GetMapping({"/api/v1/indicators/{code}", "/api/v1/plans/{plan}/indicators/{code}"})
    @Operation(operationId = "getIndicator",
            summary = "An indicator with its latest value, series and progress / 指标详情：最新值、序列与进展",
            description = "The definition in the plan's version in force, plus latest (the current observation of "
                    + "the latest period), series (current values, oldest first) and progress against the target, "
                    + "from the values reported to this plan only. / 现行版本中的指标定义，另附该规划报送值的 latest、"
                    + "series 与 progress。")
    @ApiResponse(responseCode = "200", description = "The indicator / 指标详情",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = IndicatorDetail.class)))
    @ApiResponse(responseCode = "404", description = "Unknown plan, or no such indicator in it / 未知规划或规划中无此指标")
    IndicatorDetail indicator(@PathVariable(required = false) String plan,
            @Parameter(description = "The indicator's code / 指标代码", example = "IND-01") @PathVariable String code,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf) {
        String id = defaultPlan.or(plan);
        Indicator indicator = plans.require(id, asOf == null ? clock.instant() : asOf).indicator(code)
                .orElseThrow(() -> new NotInPlanException("indicator", code));
        List<Observation> current = history.currentSeries(id, indicator.code());
        List<ProgressMeasure.Point> points = current.stream()
                .map(o -> new ProgressMeasure.Point(ReportingPeriod.parse(o.period()).orElseThrow(), o.value()))
                .toList();
        return new IndicatorDetail(indicator, current.isEmpty() ? null : current.get(current.size() - 1),
                current.stream().map(o -> new SeriesPoint(o.period(), o.value())).toList(),
                progressMeasure.assess(indicator, points));
    }
}
