package fr.santegraph.practitioner;

import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * 64-bit FNV-1a over published values taken in a fixed key order: a practitioner or site whose values all hash alike
 * did not change. Fed value by value, without building the text it stands for (this runs for every line read).
 */
final class Fingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET;

    /** Every value of {@code keys} in {@code values}, absent ones included (so a value moving to the next key counts). */
    Fingerprint add(Map<String, Object> values, List<String> keys) {
        for (String key : keys) {
            add(values.get(key));
        }
        return this;
    }

    Fingerprint add(@Nullable Object value) {
        if (value instanceof Double number) {
            mix(Double.doubleToLongBits(number));
        } else if (value != null) {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                mix(text.charAt(i));
            }
        }
        mix('|');
        return this;
    }

    private void mix(long value) {
        hash ^= value;
        hash *= PRIME;
    }

    long value() {
        return hash;
    }
}
