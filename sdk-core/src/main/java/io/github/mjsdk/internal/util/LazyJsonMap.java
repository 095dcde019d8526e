package io.github.mjsdk.internal.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map of plain Java values (as {@link Json#toMap} builds them) that is kept as the JSON text of an
 * object until someone reads it. Task parsers use it for maps that most callers never look at ({@code properties},
 * unknown fields), so a fetch does not pay for building them. The text must be a JSON object the parser has already
 * read in full, so that building the map later cannot fail.
 */
public final class LazyJsonMap extends AbstractMap<String, Object> {
    private volatile byte[] json;
    private volatile Map<String, Object> map;

    /**
     * A lazy map.
     *
     * @param json the UTF-8 text of one JSON object, already validated; the map owns the array
     */
    public LazyJsonMap(byte[] json) {
        this.json = json;
    }

    private Map<String, Object> map() {
        Map<String, Object> built = map;
        if (built == null) {
            synchronized (this) {
                built = map;
                if (built == null) {
                    built = Collections.unmodifiableMap(Json.toMap(parse(json)));
                    map = built;
                    json = null;
                }
            }
        }
        return built;
    }

    private static JsonNode parse(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a validated JSON object could not be read again", e);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return map().isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map().equals(other);
    }

    @Override
    public int hashCode() {
        return map().hashCode();
    }

    @Override
    public String toString() {
        return map().toString();
    }
}
