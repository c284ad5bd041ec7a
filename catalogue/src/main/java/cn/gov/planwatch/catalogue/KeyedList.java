package cn.gov.planwatch.catalogue;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list of a plan's items that also finds an item by its code in constant time: a submission of
 * 10,000 rows looks up an indicator of a plan of hundreds for every row. Equal to any list of the same items, so the
 * document's equality, hashing and serialised form are those of a plain list.
 */
final class KeyedList<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> items;
    private final Map<String, T> byKey;

    private KeyedList(List<T> items, Map<String, T> byKey) {
        this.items = items;
        this.byKey = byKey;
    }

    /** An unmodifiable copy (an absent list in the file becomes empty), keyed by {@code key}; the first of two wins. */
    static <T> KeyedList<T> of(List<T> list, Function<T, String> key) {
        List<T> items = Lists.copy(list);
        Map<String, T> byKey = new HashMap<>();
        for (T item : items) {
            String code = key.apply(item);
            if (code != null) {
                byKey.putIfAbsent(code, item);
            }
        }
        return new KeyedList<>(items, Map.copyOf(byKey));
    }

    /** The first item with this code, as a scan of the list would find it. */
    Optional<T> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byKey.get(code));
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
