package cn.gov.planwatch.indicator;

import cn.gov.planwatch.testsupport.ApiDescriptionContract;

/** The service's API description lists exactly the API it serves. */
class ApiDescriptionIT extends ApiDescriptionContract {
}
