package io.callcard.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the user chose, as stored in {@code settings.json}. Absent values mean "the default"; unknown keys (from a
 * newer version) are kept out of the way rather than refused, so a downgrade never loses the file.
 *
 * @param listenerPort the loopback port of the listener; the widget URL registered in the portal names it, so an
 *                     admin changes it for the whole portal at once
 * @param portal       the portal to connect to, or null for the sandbox; its secrets are not here but in the
 *                     {@link SecretStore}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(Integer listenerPort, PortalSettings portal) {

    /** The documented port: the widget's handler URL is stored once per portal, so it must not wander. */
    public static final int DEFAULT_LISTENER_PORT = 48024;
    public static final Settings DEFAULTS = new Settings(null, null);

    public int effectiveListenerPort() {
        return listenerPort != null ? listenerPort : DEFAULT_LISTENER_PORT;
    }

    public Settings withListenerPort(Integer port) {
        return new Settings(port, portal);
    }

    public Settings withPortal(PortalSettings newPortal) {
        return new Settings(listenerPort, newPortal);
    }
}
