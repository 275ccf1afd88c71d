package io.callcard.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the user chose, as stored in {@code settings.json}. Absent values mean "the default"; unknown keys (from a
 * newer version) are kept out of the way rather than refused, so a downgrade never loses the file.
 *
 * @param listenerPort the loopback port of the listener; the widget URL registered in the portal names it, so an
 *                     admin changes it for the whole portal at once
 * @param listenerAddress        the IP literal the listener binds, absent for 127.0.0.1; any other address also
 *                               needs the portal's application token (stored as a secret), or the listener stays on
 *                               loopback
 * @param offerWidgetCredentials whether the token pair a CALL_CARD widget hands over may sign the companion's REST
 *                               calls while no portal is configured; absent means no: the user has to agree
 * @param portal                 the portal to connect to, or null for the sandbox; its secrets are not here but in
 *                               the {@link SecretStore}
 * @param followCallsToEnd       whether the companion holds the Bitrix24 call card open while a call runs, so that
 *                               it hears the call's end, and lets it close once the call is idle (protocol.md §2a:
 *                               a card that closes at once takes the final events with it); absent means no
 * @param importCallRecords      whether the companion reads the portal's own call records every few minutes to fill
 *                               in and correct its call history (history.md, "Filled in from the portal"); absent
 *                               means no: it spends the portal's REST budget and needs the telephony scope
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(Integer listenerPort, String listenerAddress, Boolean offerWidgetCredentials,
                       PortalSettings portal, Boolean followCallsToEnd,
                       Boolean importCallRecords) {

    /** The documented port: the widget's handler URL is stored once per portal, so it must not wander. */
    public static final int DEFAULT_LISTENER_PORT = 48024;
    /** Loopback: nothing off this workstation can reach the listener unless the user says otherwise. */
    public static final String DEFAULT_LISTENER_ADDRESS = "127.0.0.1";
    public static final Settings DEFAULTS = new Settings(null, null, null, null, null, null);

    @JsonIgnore
    public int effectiveListenerPort() {
        return listenerPort != null ? listenerPort : DEFAULT_LISTENER_PORT;
    }

    @JsonIgnore
    public String effectiveListenerAddress() {
        return listenerAddress != null ? listenerAddress : DEFAULT_LISTENER_ADDRESS;
    }

    @JsonIgnore
    public boolean effectiveOfferWidgetCredentials() {
        return Boolean.TRUE.equals(offerWidgetCredentials);
    }

    /** Off unless the user turned it on: it changes how the portal's own card behaves. */
    @JsonIgnore
    public boolean effectiveFollowCallsToEnd() {
        return Boolean.TRUE.equals(followCallsToEnd);
    }

    /** Off unless the user turned it on: it spends the portal's request budget. */
    @JsonIgnore
    public boolean effectiveImportCallRecords() {
        return Boolean.TRUE.equals(importCallRecords);
    }

    public Settings withListenerPort(Integer port) {
        return new Settings(port, listenerAddress, offerWidgetCredentials, portal, followCallsToEnd,
                importCallRecords);
    }

    public Settings withListenerAddress(String address) {
        return new Settings(listenerPort, address, offerWidgetCredentials, portal, followCallsToEnd,
                importCallRecords);
    }

    public Settings withOfferWidgetCredentials(Boolean offer) {
        return new Settings(listenerPort, listenerAddress, offer, portal, followCallsToEnd, importCallRecords);
    }

    public Settings withPortal(PortalSettings newPortal) {
        return new Settings(listenerPort, listenerAddress, offerWidgetCredentials, newPortal, followCallsToEnd,
                importCallRecords);
    }

    public Settings withFollowCallsToEnd(Boolean follow) {
        return new Settings(listenerPort, listenerAddress, offerWidgetCredentials, portal, follow, importCallRecords);
    }

    public Settings withImportCallRecords(Boolean importing) {
        return new Settings(listenerPort, listenerAddress, offerWidgetCredentials, portal, followCallsToEnd, importing);
    }
}
