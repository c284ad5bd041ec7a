package cn.gov.planwatch.programme.apidescription;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The component schemas of a generated API description, to describe and rename. Describing a schema or a property
 * the description does not have fails, so that a renamed field cannot leave its description behind unnoticed.
 */
final class ServedShapes {

    private static final String REF = "#/components/schemas/";

    private final OpenAPI api;

    ServedShapes(OpenAPI api) {
        this.api = api;
    }

    Shape shape(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalStateException("the API description has no schema " + name);
        }
        return new Shape(name, schema, api.getComponents().getSchemas());
    }

    /** Gives a schema a name that says what it is, wherever the description refers to it. */
    void rename(String from, String to) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> schema = schemas.remove(from);
        if (schema == null) {
            throw new IllegalStateException("the API description has no schema " + from);
        }
        schemas.put(to, schema);
        schemas.values().forEach(each -> refer(each, from, to));
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    refer(operation.getRequestBody().getContent(), from, to);
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().forEach(answer -> refer(answer.getContent(), from, to));
                }
            }));
        }
    }

    private static void refer(Content content, String from, String to) {
        if (content != null) {
            content.values().forEach(media -> refer(media.getSchema(), from, to));
        }
    }

    private static void refer(Schema<?> schema, String from, String to) {
        if (schema == null) {
            return;
        }
        if ((REF + from).equals(schema.get$ref())) {
            schema.set$ref(REF + to);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> refer(property, from, to));
        }
        refer(schema.getItems(), from, to);
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            refer(values, from, to);
        }
        for (List<Schema> parts : new ArrayList<>(java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                schema.getOneOf()))) {
            if (parts != null) {
                parts.forEach(part -> refer(part, from, to));
            }
        }
    }

    /** One schema of the description, among the description's {@code components}. */
    record Shape(String name, Schema<?> schema, Map<String, Schema> components) {

        Shape is(String description) {
            schema.setDescription(description);
            return this;
        }

        /** A property always present and never null. */
        Shape always(String property, String description, Object example) {
            describe(property, description, example);
            if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
                schema.addRequiredItem(property);
            }
            return this;
        }

        /** A property always present that may be null. */
        Shape orNull(String property, String description, Object example) {
            always(property, description, example);
            Schema<?> described = property(property);
            if (described.get$ref() != null) {
                // In OpenAPI 3.0 a $ref ignores its siblings: only a composition can say "this, or null". Validators
                // look for nullable where they meet the null, inside the composition: the shape itself says it too
                // (every use of such a shape in this API may be null).
                components.get(described.get$ref().substring(REF.length())).setNullable(true);
                Schema<Object> nullable = new Schema<>();
                nullable.setAllOf(new ArrayList<>(List.of(new Schema<>().$ref(described.get$ref()))));
                nullable.setDescription(described.getDescription());
                nullable.setNullable(true);
                schema.getProperties().put(property, nullable);
            } else {
                described.setNullable(true);
            }
            return this;
        }

        private void describe(String property, String description, Object example) {
            Schema<?> described = property(property);
            described.setDescription(description);
            if (example != null) {
                described.setExample(example);
            }
        }

        private Schema<?> property(String property) {
            Schema<?> described = schema.getProperties() == null ? null : schema.getProperties().get(property);
            if (described == null) {
                throw new IllegalStateException("the API description's schema " + name + " has no property "
                        + property);
            }
            return described;
        }
    }
}
