package cn.gov.planwatch.catalogue.internal;

import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.util.ClassUtil;

/**
 * Records values of the wrong type and unknown fields, and lets binding go on with an empty
 * value, so that one load reports all of them (Jackson alone stops at the first).
 */
public final class BindingProblemRecorder extends DeserializationProblemHandler {

    private final Problems problems;

    public BindingProblemRecorder(Problems problems) {
        this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) {
        record(p, "unknown field; expected one of " + deserializer.getKnownPropertyNames());
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        record(ctxt.getParser(), "'" + value + "' is not " + expected(targetType));
        return emptyValue(targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        record(ctxt.getParser(), value + " is not " + expected(targetType));
        return emptyValue(targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                        JsonParser p, String failureMsg) {
        return mismatch(p, targetType.getRawClass());
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator instantiator, JsonParser p, String msg) {
        return mismatch(p, instClass);
    }

    private Object mismatch(JsonParser p, Class<?> targetType) {
        record(p, "expected " + expected(targetType) + ", found " + found(p));
        p.skipChildren();
        return emptyValue(targetType);
    }

    private void record(JsonParser p, String message) {
        problems.bindingFailure(SourcePositions.pathOf(p.streamReadContext()), message);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        return Collection.class.isAssignableFrom(type) ? "a list" : "a mapping";
    }

    private static String found(JsonParser p) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return "a mapping";
        }
        return token == JsonToken.START_ARRAY ? "a list" : "'" + p.getString() + "'";
    }

    private static Object emptyValue(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }
}
