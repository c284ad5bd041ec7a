package cn.gov.planwatch.catalogue;

import cn.gov.planwatch.catalogue.internal.BindingProblemRecorder;
import cn.gov.planwatch.catalogue.internal.CatalogueValidator;
import cn.gov.planwatch.catalogue.internal.Problems;
import cn.gov.planwatch.catalogue.internal.SourcePositions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A plan document — the catalogue's own format, as YAML or as JSON — read into a validated
 * {@link PlanCatalogue}. Reading reports every problem at once, each at its field path and line, so an
 * author fixes a document in one pass; the shipped plan is read by the same code.
 */
public final class PlanDocuments {

    /** 1 MiB: the shipped plan is about 20 KiB, so a plan many times its size still fits. */
    public static final int MAX_BYTES = 1 << 20;

    private static final YAMLMapper YAML = strict(YAMLMapper.builder()).build();

    private static final JsonMapper JSON = strict(JsonMapper.builder())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Absent and null read the same, so the JSON form leaves empty optional fields out.
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** Two documents that differ only in how a number is written (13 or 13.0) say the same thing. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    private PlanDocuments() {
    }

    /**
     * Reads and validates a document.
     *
     * @throws InvalidPlanDocumentException  with every problem, if the document is malformed or breaks a rule
     * @throws PlanDocumentTooLargeException if it is longer than {@link #MAX_BYTES}
     */
    public static PlanCatalogue parse(byte[] document, PlanDocumentFormat format) {
        if (document.length > MAX_BYTES) {
            throw new PlanDocumentTooLargeException();
        }
        ObjectMapper mapper = mapper(format);
        Problems problems = new Problems();
        SourcePositions positions = SourcePositions.scan(mapper, document, problems);
        if (problems.isEmpty() && positions.isEmpty()) {
            problems.bindingFailure("", "the document is empty");
        } else if (problems.isEmpty()) {
            PlanCatalogue catalogue = bind(mapper, document, problems);
            if (catalogue != null) {
                CatalogueValidator.validate(catalogue, problems);
                if (problems.isEmpty()) {
                    return catalogue;
                }
            }
        }
        throw new InvalidPlanDocumentException(problems.located(positions));
    }

    /** As {@link #parse(byte[], PlanDocumentFormat)}, reading no more than one byte past the limit. */
    public static PlanCatalogue read(InputStream in, PlanDocumentFormat format) throws IOException {
        byte[] document = in.readNBytes(MAX_BYTES + 1);
        return parse(document, format);
    }

    /** The document as JSON (UTF-8), which {@link #parse} reads back into an equal catalogue. */
    public static byte[] toJson(PlanCatalogue catalogue) {
        return JSON.writeValueAsBytes(catalogue);
    }

    /** The document as a JSON tree, the form events carry it in; decimals stay exact. */
    public static JsonNode toJsonTree(PlanCatalogue catalogue) {
        return JSON.readTree(toJson(catalogue));
    }

    /** Reads a document carried as a JSON tree (e.g. in an event), by the same rules as {@link #parse}. */
    public static PlanCatalogue fromJsonTree(JsonNode document) {
        return parse(JSON.writeValueAsBytes(document), PlanDocumentFormat.JSON);
    }

    /** Whether two documents say the same thing, whichever format each came in. */
    public static boolean sameContent(PlanCatalogue a, PlanCatalogue b) {
        return toJsonTree(a).equals(SAME_VALUE, toJsonTree(b));
    }

    private static ObjectMapper mapper(PlanDocumentFormat format) {
        return format == PlanDocumentFormat.JSON ? JSON : YAML;
    }

    /** Binds the model, recording type errors and carrying on where Jackson can, so they are all reported. */
    private static PlanCatalogue bind(ObjectMapper mapper, byte[] document, Problems problems) {
        try {
            PlanCatalogue catalogue = mapper.readerFor(PlanCatalogue.class)
                    .withHandler(new BindingProblemRecorder(problems))
                    .readValue(document);
            if (catalogue == null) {
                problems.bindingFailure("", "the document is not a mapping of plan, agencies, indicators, programmes");
            }
            return catalogue;
        } catch (DatabindException e) {
            problems.bindingFailure(SourcePositions.pathOf(e.getPath()), e.getOriginalMessage());
            return null;
        }
    }

    /** The same strictness for both formats: what YAML refuses, JSON refuses too. */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B builder) {
        return builder
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // An absent int binds as 0; the validator reports it with its line instead of Jackson failing.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // An empty list entry ("-" alone) is reported, rather than becoming a null element.
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.construct(nulls.getValueNulls(), Nulls.FAIL));
    }
}
