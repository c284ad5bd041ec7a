package cn.gov.planwatch.catalogue;

import java.util.List;

final class Lists {

    private Lists() {
    }

    /** An unmodifiable copy; absent lists in the file become empty. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
