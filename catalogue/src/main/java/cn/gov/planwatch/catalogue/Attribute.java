package cn.gov.planwatch.catalogue;

/** An indicator's attribute (属性) in a Chinese plan. */
public enum Attribute {
    EXPECTED("预期性"),
    BINDING("约束性");

    private final String nameZh;

    Attribute(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
