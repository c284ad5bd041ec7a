package cn.gov.planwatch.catalogue.progress;

/** The categories of Statistics Canada's progress measure, as Open SDG implements it. */
public enum ProgressStatus {
    TARGET_ACHIEVED,
    SUBSTANTIAL_PROGRESS,
    MODERATE_PROGRESS,
    LIMITED_PROGRESS,
    DETERIORATION,
    NOT_AVAILABLE
}
