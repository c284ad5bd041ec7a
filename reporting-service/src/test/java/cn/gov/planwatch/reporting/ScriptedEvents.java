package cn.gov.planwatch.reporting;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.plan.PlanAmended;
import cn.gov.planwatch.contracts.plan.PlanDocumentEvent;
import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateEvent;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;
import cn.gov.planwatch.contracts.EventType;
import cn.gov.planwatch.contracts.EventTypes;
import cn.gov.planwatch.contracts.cloudevents.CloudEventHeaders;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as the producing services write them, for tests to publish to the real log. Each test class uses its own
 * programmes, agencies, indicators and quarters (they share one broker and one database), named in its javadoc.
 */
final class ScriptedEvents {

    private final KafkaTemplate<String, PlanEvent> kafka;

    ScriptedEvents(KafkaTemplate<String, PlanEvent> kafka) {
        this.kafka = kafka;
    }

    <E extends PlanEvent> E send(E event) {
        String topic = event instanceof ObservationReported ? Topics.INDICATOR_EVENTS
                : event instanceof ProgressReported ? Topics.PROGRAMME_EVENTS
                : event instanceof PlanLifecycleEvent ? Topics.PLAN_EVENTS : Topics.QUARTERLY_UPDATE_EVENTS;
        try {
            kafka.send(topic, event.partitionKey(), event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    /**
     * A record as an earlier writer left it in the log: its CloudEvents headers for {@code type} and {@code body}
     * as that version's JSON, which today's writer would no longer produce.
     */
    void sendAsWritten(EventType type, String key, UUID eventId, String body) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(type.topic(), null, key, body.getBytes(StandardCharsets.UTF_8), List.of(
                    header(CloudEventHeaders.SPEC_VERSION, EventTypes.SPEC_VERSION),
                    header(CloudEventHeaders.ID, eventId.toString()), header(CloudEventHeaders.TYPE, type.ceType()),
                    header(CloudEventHeaders.SOURCE, "/planwatch/test"),
                    header(CloudEventHeaders.CONTENT_TYPE, "application/json")))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A plan version as programme-service publishes it (the first) or records its amendment (any later one). */
    static PlanDocumentEvent planVersion(String yaml, String recordedAt) {
        PlanCatalogue catalogue = PlanDocuments.parse(yaml.getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML);
        String plan = catalogue.plan().id();
        int version = catalogue.plan().version();
        return version == 1
                ? new PlanPublished(UUID.randomUUID(), plan, version, PlanDocuments.toJsonTree(catalogue),
                        "cnipa-lead", null, Instant.parse(recordedAt), "cnipa-lead")
                : new PlanAmended(UUID.randomUUID(), plan, version, version - 1, PlanDocuments.toJsonTree(catalogue),
                        "cnipa-lead", null, Instant.parse(recordedAt), "cnipa-lead");
    }

    static ObservationReported observation(String indicator, String agency, String period, String value,
            String recordedAt) {
        return observation(DefaultPlan.SHIPPED, indicator, agency, period, value, recordedAt);
    }

    static ObservationReported observation(String plan, String indicator, String agency, String period, String value,
            String recordedAt) {
        return new ObservationReported(UUID.randomUUID(), plan, indicator, period, new BigDecimal(value), "测试数据", null,
                agency, agency.toLowerCase() + "-reporter", null, Instant.parse(recordedAt), null, false);
    }

    /** {@code zones}: a value for the programme's first milestone, or null. */
    static ProgressReported progress(String programme, String milestone, String agency, String quarter,
            String status, int percent, String zones, String recordedAt) {
        return progress(DefaultPlan.SHIPPED, programme, milestone, agency, quarter, status, percent, zones,
                recordedAt);
    }

    static ProgressReported progress(String plan, String programme, String milestone, String agency, String quarter,
            String status, int percent, String zones, String recordedAt) {
        List<ProgressReported.MilestoneValue> milestones = zones == null ? List.of()
                : List.of(new ProgressReported.MilestoneValue(milestone, new BigDecimal(zones)));
        return new ProgressReported(UUID.randomUUID(), plan, programme, quarter, agency, agency.toLowerCase() + "-reporter",
                null, status, percent, "进展顺利", null, List.of(), milestones, Instant.parse(recordedAt));
    }

    /** {@code kind}: S submitted, A accepted, R returned. */
    static QuarterlyUpdateEvent step(char kind, String agency, String quarter, String recordedAt) {
        return step(DefaultPlan.SHIPPED, kind, agency, quarter, recordedAt);
    }

    static QuarterlyUpdateEvent step(String plan, char kind, String agency, String quarter, String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        return switch (kind) {
            case 'S' -> new QuarterlyUpdateSubmitted(UUID.randomUUID(), plan, agency, quarter,
                    agency.toLowerCase() + "-reporter", null, at);
            case 'A' -> new QuarterlyUpdateAccepted(UUID.randomUUID(), plan, agency, quarter, "CNIPA", "cnipa-lead",
                    null, at);
            case 'R' -> new QuarterlyUpdateReturned(UUID.randomUUID(), plan, agency, quarter, "CNIPA", "请补充材料",
                    List.of("IND-03"), "cnipa-lead", null, at);
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }
}
