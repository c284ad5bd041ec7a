package cn.gov.planwatch.reporting.desk;

import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.IndicatorDefinition;
import cn.gov.planwatch.reporting.serviceapi.IndicatorServiceApi.Observation;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.ProgrammeDefinition;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.ProgressReport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ministry's desk for one plan, as the services answered for the person: the agency's quarters, the one being worked
 * on, and the indicators and programmes it reports on with their forms.
 *
 * @param problem     why the agency's quarters could not be read (the services' refusal), or null
 * @param notAnswering the services that did not answer a read
 */
public record DeskView(String plan, String agency, String agencyNameZh, String agencyNameEn, String problem,
        List<String> notAnswering, List<QuarterRow> quarters, QuarterRow quarter, ReturnNotice returned,
        List<IndicatorCard> indicators, List<ProgrammeCard> programmes) {

    /** An indicator or a programme, as a quarter owes it or a return names it. */
    public record Item(String kind, String code, String nameZh, String nameEn) {

        public String anchor() {
            return kind + "-" + code;
        }
    }

    /**
     * @param missing  what the quarter owes and the agency has not reported (for a returned quarter: also what the
     *                 return names and was not revised since); null when a service did not say
     * @param dueDate  the last day to submit on time, in the plan's zone
     */
    public record QuarterRow(String quarter, String state, LocalDate dueDate, List<Item> missing) {

        public boolean open() {
            return !state.equals("ACCEPTED") && !state.startsWith("SUBMITTED");
        }
    }

    /** The lead agency's return of the quarter: its reason and the items it names. */
    public record ReturnNotice(String reviewer, Instant returnedAt, String reason, List<Item> items) {
    }

    /**
     * @param history   every report of the indicator, newest first, revisions included
     * @param flagged   named by the quarter's return
     * @param revised   reported again since that return
     */
    public record IndicatorCard(IndicatorDefinition definition, boolean owed, List<Observation> history,
            boolean flagged, boolean revised, DeskForm form) {

        public String anchor() {
            return "indicator-" + definition.code();
        }

        IndicatorCard withForm(DeskForm refused) {
            return new IndicatorCard(definition, owed, history, flagged, revised, refused);
        }
    }

    /**
     * @param lead      the agency leads it (else takes part)
     * @param history   the agency's current reports, newest quarter first
     * @param reported  the agency's current report for the quarter worked on, or null
     */
    public record ProgrammeCard(ProgrammeDefinition definition, boolean lead, List<ProgressReport> history,
            ProgressReport reported, boolean flagged, boolean revised, DeskForm form) {

        public String anchor() {
            return "programme-" + definition.slug();
        }

        ProgrammeCard withForm(DeskForm refused) {
            return new ProgrammeCard(definition, lead, history, reported, flagged, revised, refused);
        }
    }

    /** An indicator's or programme's name in the page's language, or {@code code} itself when it names neither. */
    String name(String code, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        for (IndicatorCard card : indicators) {
            if (card.definition().code().equals(code)) {
                return code + " " + (english ? card.definition().nameEn() : card.definition().nameZh());
            }
        }
        for (ProgrammeCard card : programmes) {
            if (card.definition().slug().equals(code)) {
                return english ? card.definition().titleEn() : card.definition().titleZh();
            }
        }
        return code;
    }

    public boolean readable() {
        return problem == null && quarter != null;
    }

    DeskView withIndicatorForm(String code, DeskForm form) {
        List<IndicatorCard> cards = new ArrayList<>();
        indicators.forEach(c -> cards.add(c.definition().code().equals(code) ? c.withForm(form) : c));
        return new DeskView(plan, agency, agencyNameZh, agencyNameEn, problem, notAnswering, quarters, quarter,
                returned, cards, programmes);
    }

    DeskView withProgrammeForm(String slug, DeskForm form) {
        List<ProgrammeCard> cards = new ArrayList<>();
        programmes.forEach(c -> cards.add(c.definition().slug().equals(slug) ? c.withForm(form) : c));
        return new DeskView(plan, agency, agencyNameZh, agencyNameEn, problem, notAnswering, quarters, quarter,
                returned, indicators, cards);
    }
}
