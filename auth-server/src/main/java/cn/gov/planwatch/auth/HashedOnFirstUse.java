package cn.gov.planwatch.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Entries of the clients file in their hashed form, each made the first time it is asked for and kept. Hashing all
 * of them at start (some forty bcrypt hashes of cost 12) would hold the start up by several seconds of CPU, far
 * more on a busy machine, for entries most runs never use; the clear values are in memory either way, as read from
 * the file.
 *
 * @param <E> an entry as read from the file
 * @param <T> its hashed form
 */
final class HashedOnFirstUse<E, T> {

    private final Map<String, E> entries;
    private final Function<E, T> hash;
    private final Map<String, T> hashed = new ConcurrentHashMap<>();

    HashedOnFirstUse(Map<String, E> entries, Function<E, T> hash) {
        this.entries = new ConcurrentHashMap<>(entries);
        this.hash = hash;
    }

    /** The hashed form of the entry named {@code key} (made now if not yet), or null if there is none. */
    T get(String key) {
        T done = hashed.get(key);
        if (done != null) {
            return done;
        }
        E entry = entries.get(key);
        return entry == null ? null : hashed.computeIfAbsent(key, name -> hash.apply(entry));
    }

    /** Adds an entry learnt while running; one already known under {@code key} stays as it is. */
    void add(String key, E entry) {
        entries.putIfAbsent(key, entry);
    }

    /** The entry as read, or null if there is none. */
    E entry(String key) {
        return entries.get(key);
    }

    /** Replaces (or adds) the hashed form of {@code key}: a re-hash at a higher cost, a new registration. */
    void put(String key, T value) {
        hashed.put(key, value);
    }

    /** Every hashed form made so far. */
    Iterable<T> made() {
        return hashed.values();
    }
}
