package cn.gov.planwatch.reporting.export;

import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalViewReader;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Compiles the quarterly report from the national view restricted to the quarter. */
@Component
class QuarterlyReportCompiler {

    private final NationalViewReader reader;

    QuarterlyReportCompiler(NationalViewReader reader) {
        this.reader = reader;
    }

    /**
     * @param plan        the plan, null for the default plan; 404 when not published
     * @param quarterText {@code YYYY-Qn}; 400 when malformed, 404 when outside the plan
     */
    QuarterlyReport compile(String plan, String quarterText) {
        ReportingPeriod quarter = reader.knownQuarter(plan, quarterText);
        NationalView view = reader.upToQuarter(plan, quarter);
        String q = quarter.toString();
        var rates = view.compliance().byQuarter().stream().filter(b -> b.quarter().equals(q)).findFirst()
                .orElseThrow().rates();
        List<QuarterlyReport.IndicatorRow> indicators = view.indicators().stream().map(i -> {
            var progress = i.progress();
            return new QuarterlyReport.IndicatorRow(i.code(), i.nameZh(), i.nameEn(), i.unit(),
                    i.baseline() == null ? null : i.baseline().year(),
                    i.baseline() == null ? null : i.baseline().value(), i.targetYear(), i.target(),
                    i.latest() == null ? null : i.latest().period(), i.latest() == null ? null : i.latest().value(),
                    progress.status().name(), round(progress.percentOfTarget(), 1),
                    round(progress.expectedPercent(), 1), round(progress.forecast(), 2),
                    i.latest() == null ? null : i.latest().eventId().toString());
        }).toList();
        List<QuarterlyReport.ProgrammeRow> programmes = view.programmes().stream()
                .map(p -> new QuarterlyReport.ProgrammeRow(p.slug(), p.box(), p.titleZh(), p.titleEn(),
                        p.leadAgency(), p.status(), p.percentComplete(), p.quarter(),
                        p.worstParticipant() == null ? null : p.worstParticipant().agency(),
                        p.worstParticipantStatus(), ids(p.eventIds())))
                .toList();
        List<QuarterlyReport.ComplianceRow> compliance = view.compliance().agencies().stream()
                .flatMap(a -> a.quarters().stream().filter(c -> c.quarter().equals(q))
                        .map(c -> new QuarterlyReport.ComplianceRow(a.agency(), a.nameZh(), a.nameEn(),
                                c.state().name(), c.deadline(), c.firstSubmittedAt(), c.submittedAt(), c.onTime(),
                                ids(c.eventIds()))))
                .toList();
        return new QuarterlyReport(q, view.asOf(), view.plan().titleZh(), view.plan().titleEn(), rates,
                indicators, programmes, compliance);
    }

    private static BigDecimal round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    /** Event ids in one cell, space-separated: a spreadsheet cell holds text, not a list. */
    private static String ids(List<UUID> ids) {
        return ids.isEmpty() ? null : ids.stream().map(UUID::toString).collect(Collectors.joining(" "));
    }
}
