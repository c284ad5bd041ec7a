package cn.gov.planwatch.gateway.apidescription;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAPI description one part of PlanWatch gives of its own operations: a service's, or the gateway's. */
record ServiceDescription(String service, ObjectNode document) {
}
