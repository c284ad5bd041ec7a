package cn.gov.planwatch.programme.quarterly;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The refusals a review (accept or return) can meet, in the API description: both are refused alike. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "403", description = "Not the lead agency of the update's plan (type not-lead-of-plan), or"
        + " the caller's role may not review / 调用方不是该规划的牵头部门")
@ApiResponse(responseCode = "404", description = "Unknown plan or agency, or a quarter outside the plan / 没有该规划、部门"
        + "或季度")
@ApiResponse(responseCode = "409", description = "The update is not awaiting review (not submitted, already accepted or"
        + " returned), the plan is closed (plan-closed), or a request with this Idempotency-Key is still in flight"
        + " / 该更新不处于待审状态、规划已关闭，或同一 Idempotency-Key 的请求仍在处理中")
@interface ReviewRefusals {
}
