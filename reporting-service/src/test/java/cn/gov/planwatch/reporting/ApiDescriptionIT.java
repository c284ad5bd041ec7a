package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.ApiDescriptionContract;

import java.util.Set;

/**
 * The service's API description lists exactly the API it serves; the dashboard's, the review's and the console's HTML
 * pages lie outside it.
 */
class ApiDescriptionIT extends ApiDescriptionContract {

    @Override
    protected Set<String> alsoOutsideTheApi() {
        return Set.of("GET /", "GET /dashboard", "GET /dashboard/provenance/{*figure}", "GET /dashboard/evaluation",
                "GET /dashboard/plans/{plan}", "GET /dashboard/plans/{plan}/evaluation",
                "GET /dashboard/plans/{plan}/evaluation.{format}", "GET /dashboard/plans/{plan}/provenance/{*figure}",
                // The operators' console: pages over the operations API, which the description lists.
                "GET /dashboard/ops", "GET /dashboard/ops/dead-letters", "GET /dashboard/ops/dead-letters/{id}",
                "GET /dashboard/ops/dead-letters/{id}/replay", "POST /dashboard/ops/dead-letters/{id}/replay",
                "GET /dashboard/ops/rebuild", "POST /dashboard/ops/rebuild",
                // The lead agency's review: pages over programme-service's quarterly update API.
                "GET /dashboard/review", "GET /dashboard/plans/{plan}/review", "GET /dashboard/review/{agency}/{quarter}",
                "GET /dashboard/plans/{plan}/review/{agency}/{quarter}",
                "POST /dashboard/review/{agency}/{quarter}/accept",
                "POST /dashboard/plans/{plan}/review/{agency}/{quarter}/accept",
                "POST /dashboard/review/{agency}/{quarter}/return",
                "POST /dashboard/plans/{plan}/review/{agency}/{quarter}/return",
                // A ministry's desk: pages over indicator-service's and programme-service's APIs.
                "GET /dashboard/desk", "GET /dashboard/plans/{plan}/desk", "POST /dashboard/desk/quarter",
                "POST /dashboard/plans/{plan}/desk/quarter", "POST /dashboard/desk/indicators/{code}",
                "POST /dashboard/plans/{plan}/desk/indicators/{code}", "POST /dashboard/desk/programmes/{slug}/progress",
                "POST /dashboard/plans/{plan}/desk/programmes/{slug}/progress");
    }
}
