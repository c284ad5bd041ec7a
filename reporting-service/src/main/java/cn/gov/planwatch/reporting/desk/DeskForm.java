package cn.gov.planwatch.reporting.desk;

import java.util.HashMap;
import java.util.Map;

/**
 * One form of the desk as it is shown: the values in its fields (what the person typed, after a refusal) and the
 * service's message beside each field it refused.
 */
public final class DeskForm {

    private final Map<String, String> values;
    private final Map<String, String> errors;

    DeskForm(Map<String, String> values, Map<String, String> errors) {
        this.values = new HashMap<>(values);
        this.errors = new HashMap<>(errors);
    }

    static DeskForm filled(Map<String, String> values) {
        return new DeskForm(values, Map.of());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The service's message on the field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public boolean refused() {
        return !errors.isEmpty();
    }
}
