package io.callcard.wire;

import java.util.Arrays;
import java.util.Optional;

/** A constant of the wire's vocabulary, spelled on the wire as {@link #wireName()}. */
public interface WireName {

    String wireName();

    /** The constant spelled exactly {@code name} (case and all), or empty: the portal knows no other spelling. */
    static <E extends WireName> Optional<E> find(E[] values, String name) {
        return Arrays.stream(values).filter(value -> value.wireName().equals(name)).findFirst();
    }
}
