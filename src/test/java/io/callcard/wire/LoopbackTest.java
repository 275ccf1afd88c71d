package io.callcard.wire;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]"})
    void loopbackHosts(String host) {
        assertTrue(Loopback.isLoopbackHost(host));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"127.0.0.256", "128.0.0.1", "127.0.0", "localhost.evil.example", "127.0.0.1.nip.io",
        "0.0.0.0", "::2", "portal.bitrix24.ru"})
    void notLoopbackEvenWhenItLooksClose(String host) {
        assertFalse(Loopback.isLoopbackHost(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:48024", "localhost:8080", "[::1]:80", "[::1]", "localhost"})
    void authoritiesWithOrWithoutAPort(String authority) {
        assertTrue(Loopback.isLoopbackAuthority(authority));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"portal.bitrix24.ru:443", "127.0.0.1.example:80", "::1:80"})
    void otherAuthorities(String authority) {
        assertFalse(Loopback.isLoopbackAuthority(authority));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]"})
    void theListenersNamesAreAllLoopback(String name) {
        assertTrue(Loopback.NAMES.contains(name) && Loopback.isLoopbackHost(name));
    }
}
