package cn.gov.planwatch.catalogue;

/** How often an indicator's value is reported. */
public enum Frequency {
    ANNUAL, QUARTERLY
}
