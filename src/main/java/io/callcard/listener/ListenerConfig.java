package io.callcard.listener;

import io.callcard.wire.ListenerPort;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the listener binds and whom it believes. Loopback by default; any other address is an explicit choice that
 * also requires the portal's application token, because off this workstation the token is the only proof a post came
 * from the portal (protocol.md §5). {@code portalHost} and {@code memberId}, once known, narrow who may open the widget
 * and send an {@code Origin}. The token never appears in {@link #toString()}.
 *
 * @param bindAddress      the address the server socket binds
 * @param port             0..65535; 0 picks a free port (tests)
 * @param applicationToken the portal's {@code auth[application_token]}, or null: then {@code /bitrix/events} refuses
 *                         every post
 * @param portalHost       the configured portal's host name ({@code example.bitrix24.com}), or null while none is known
 * @param memberId         the portal's {@code member_id}, or null while none is known
 * @param widget           how the widget routes behave
 * @param limits           what the request gate lets through ({@link ListenerGate})
 */
public record ListenerConfig(InetAddress bindAddress, int port, String applicationToken, String portalHost,
                             String memberId, WidgetConfig widget, GuardLimits limits) {

    public ListenerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(limits, "limits");
        ListenerPort.requirePortOrAny(port);
        applicationToken = blankToNull(applicationToken);
        portalHost = portalHost == null || portalHost.isBlank() ? null : portalHost.trim().toLowerCase(Locale.ROOT);
        memberId = blankToNull(memberId);
        if (!bindAddress.isLoopbackAddress() && applicationToken == null) {
            throw new IllegalArgumentException(
                    "binding " + bindAddress.getHostAddress() + " (not loopback) requires the application token");
        }
    }

    /** With the default {@link GuardLimits}. */
    public ListenerConfig(InetAddress bindAddress, int port, String applicationToken, String portalHost,
                          String memberId, WidgetConfig widget) {
        this(bindAddress, port, applicationToken, portalHost, memberId, widget, GuardLimits.DEFAULTS);
    }

    /** 127.0.0.1:{@code port}, nothing configured: the sandbox and the tests. */
    public static ListenerConfig loopback(int port) {
        return new ListenerConfig(ipv4Loopback(), port, null, null, null, WidgetConfig.DEFAULTS);
    }

    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(bindAddress, newPort, applicationToken, portalHost, memberId, widget, limits);
    }

    public ListenerConfig withBindAddress(InetAddress address) {
        return new ListenerConfig(address, port, applicationToken, portalHost, memberId, widget, limits);
    }

    public ListenerConfig withApplicationToken(String token) {
        return new ListenerConfig(bindAddress, port, token, portalHost, memberId, widget, limits);
    }

    public ListenerConfig withPortal(String host, String member) {
        return new ListenerConfig(bindAddress, port, applicationToken, host, member, widget, limits);
    }

    public ListenerConfig withWidget(WidgetConfig newWidget) {
        return new ListenerConfig(bindAddress, port, applicationToken, portalHost, memberId, newWidget, limits);
    }

    public ListenerConfig withLimits(GuardLimits newLimits) {
        return new ListenerConfig(bindAddress, port, applicationToken, portalHost, memberId, widget, newLimits);
    }

    public Optional<String> applicationTokenValue() {
        return Optional.ofNullable(applicationToken);
    }

    public Optional<String> portalHostValue() {
        return Optional.ofNullable(portalHost);
    }

    public Optional<String> memberIdValue() {
        return Optional.ofNullable(memberId);
    }

    @Override
    public String toString() {
        return "ListenerConfig[" + bindAddress.getHostAddress() + ":" + port
                + ", applicationToken=" + (applicationToken == null ? "none" : "set")
                + ", portalHost=" + portalHost + ", memberId=" + memberId + ", widget=" + widget + ", limits=" + limits + "]";
    }

    /** The literal 127.0.0.1: {@link InetAddress#getLoopbackAddress()} may be ::1 when IPv6 is preferred. */
    static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
