package cn.gov.planwatch.planrules.calendar;

import cn.gov.planwatch.planrules.NotInPlanException;

/** A quarter named as a resource (in a path) that is not one of the plan's: there is no such quarter to act on. */
public class UnknownQuarterException extends NotInPlanException {

    public UnknownQuarterException(String quarter) {
        super("quarter", quarter);
    }
}
