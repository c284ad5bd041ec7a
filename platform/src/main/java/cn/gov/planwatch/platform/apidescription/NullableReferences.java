package cn.gov.planwatch.platform.apidescription;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

/**
 * What swagger-core drops from a record's description in OpenAPI 3.0, put back: a component annotated
 * {@code @Schema(nullable = true)} whose type is described elsewhere (a {@code $ref}, which may carry nothing beside
 * it) becomes {@code type: object, allOf: [$ref], nullable: true} with its description, so a client knows the object
 * may be null; and a component of type {@code Object} described by {@code oneOf}/{@code anyOf} loses the
 * {@code type: object} that would contradict a number or text among them, and takes a null, where it may be one, as
 * one of them.
 */
public class NullableReferences implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            io.swagger.v3.oas.annotations.media.Schema described = annotation(raw, component);
            Schema<?> property = model.getProperties().get(component.getName());
            if (described == null || property == null) {
                continue;
            }
            if (described.nullable() && property.get$ref() != null) {
                // nullable takes effect only beside a type (OpenAPI 3.0.3): the object, or null.
                Schema<?> nullable = new Schema<>().type("object")
                        .allOf(List.of(new Schema<>().$ref(property.get$ref()))).nullable(true);
                if (!described.description().isEmpty()) {
                    nullable.description(described.description());
                }
                model.getProperties().put(component.getName(), nullable);
            } else if (component.getType() == Object.class
                    && (property.getOneOf() != null || property.getAnyOf() != null)) {
                property.setType(null);
                if (described.nullable()) {
                    nullableAmong(property);
                }
            }
        }
        return resolved;
    }

    /**
     * Without a type beside it nullable says nothing (OpenAPI 3.0.3), and a value of several kinds has none: the null
     * is allowed by the first kind that has a type, so exactly one of them takes it.
     */
    private static void nullableAmong(Schema<?> property) {
        List<Schema> kinds = property.getOneOf() != null ? property.getOneOf() : property.getAnyOf();
        kinds.stream().filter(kind -> kind.getType() != null).findFirst()
                .ifPresent(kind -> {
                    kind.setNullable(true);
                    property.setNullable(null);
                });
    }

    private static io.swagger.v3.oas.annotations.media.Schema annotation(Class<?> record, RecordComponent component) {
        try {
            Field field = record.getDeclaredField(component.getName());
            return field.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
