package io.callcard.config;

import io.callcard.wire.IpLiteral;
import io.callcard.wire.ListenerPort;
import java.nio.file.Path;

/**
 * The values {@code settings.json} may hold, checked on load and before save. Details name the key and the rule and
 * never echo a text value: users paste secrets into the wrong field.
 */
final class SettingsRules {

    private SettingsRules() {
    }

    static void check(Settings s, Path file) throws SettingsException {
        if (s.listenerPort() != null && !ListenerPort.isPort(s.listenerPort())) {
            throw invalid(file, "listenerPort must be between " + ListenerPort.MIN + " and " + ListenerPort.MAX
                    + ", was " + s.listenerPort());
        }
        if (s.listenerAddress() != null && !IpLiteral.isIpLiteral(s.listenerAddress())) {
            throw invalid(file, "listenerAddress must be an IP address such as 127.0.0.1 (a host name is not"
                    + " accepted: the listener never resolves names)");
        }
        if (s.portal() != null) {
            checkPortal(s.portal(), file);
        }
    }

    private static void checkPortal(PortalSettings p, Path file) throws SettingsException {
        if (p.kind() == null) {
            throw invalid(file, "portal.kind is required: \"webhook\" or \"oauth\"");
        }
        if (p.portalUrl() == null || p.portalUrl().isBlank()) {
            throw invalid(file, "portal.portalUrl is required");
        }
        String problem = PortalAddress.problem(p.portalUrl());
        if (problem != null) {
            throw invalid(file, "portal.portalUrl " + problem);
        }
        if (p.kind() == PortalSettings.Kind.OAUTH && (p.clientId() == null || p.clientId().isBlank())) {
            throw invalid(file, "portal.clientId is required when portal.kind is \"oauth\"");
        }
        if (p.memberId() != null && !PortalSettings.isMemberId(p.memberId())) {
            throw invalid(file, "portal.memberId must be the portal's member_id: 32 hexadecimal digits");
        }
    }

    private static SettingsException invalid(Path file, String detail) {
        return new SettingsException(SettingsException.Reason.INVALID_VALUE, file, detail, null);
    }
}
