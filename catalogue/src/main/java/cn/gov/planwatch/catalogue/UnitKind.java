package cn.gov.planwatch.catalogue;

/** What a unit measures; shares and scores are bounded by 0..100. */
public enum UnitKind {
    COUNT, AMOUNT, SHARE_PERCENT, SCORE
}
