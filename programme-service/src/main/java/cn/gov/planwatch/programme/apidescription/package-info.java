/**
 * The API description of the shapes this service serves but does not define: event-contract records and the plan's
 * rule results, described here so that those stay plain Java, free of the web layer.
 */
package cn.gov.planwatch.programme.apidescription;
