package io.callcard.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Bitrix24 portal the companion connects to, as stored in {@code settings.json}: nothing here is secret. The
 * webhook URL (its code is the password), the OAuth tokens and the client secret live in the {@link SecretStore}
 * under the {@link SecretKeys}.
 *
 * @param kind      how calls are signed
 * @param portalUrl the portal's address {@code https://host[:port]}; plain http only on this machine (the sandbox)
 * @param clientId  the OAuth application's client id (OAuth only; not a secret, the portal shows it in lists)
 * @param rateLimit the portal plan's REST budget; absent means {@link RateLimit#STANDARD}
 * @param memberId  the portal's {@code member_id} (32 hex digits, shown in every event and widget post), or absent
 *                  while unknown; once known, the listener opens the widget only for this portal
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalSettings(Kind kind, String portalUrl, String clientId, RateLimit rateLimit, String memberId) {

    private static final Pattern MEMBER_ID = Pattern.compile("[0-9a-fA-F]{32}");

    /** How the companion signs its REST calls. */
    public enum Kind {
        WEBHOOK("webhook"), OAUTH("oauth");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /** The portal's REST budget: 2 requests/s with a burst of 50, or 5/s with 250 on Enterprise plans. */
    public enum RateLimit {
        STANDARD("standard"), ENTERPRISE("enterprise");

        private final String json;

        RateLimit(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    /** Whether {@code text} has the shape of a Bitrix24 {@code member_id}: 32 hexadecimal digits. */
    public static boolean isMemberId(String text) {
        return text != null && MEMBER_ID.matcher(text).matches();
    }

    public static PortalSettings webhook(String portalUrl, RateLimit rateLimit) {
        return new PortalSettings(Kind.WEBHOOK, portalUrl, null, rateLimit, null);
    }

    public static PortalSettings oauth(String portalUrl, String clientId, RateLimit rateLimit) {
        return new PortalSettings(Kind.OAUTH, portalUrl, clientId, rateLimit, null);
    }

    public PortalSettings withMemberId(String id) {
        return new PortalSettings(kind, portalUrl, clientId, rateLimit, id);
    }

    /** The portal's host name, lower case, from {@link #portalUrl}; null when the address is unusable. */
    @JsonIgnore
    public String host() {
        try {
            String host = URI.create(portalUrl.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @JsonIgnore
    public RateLimit effectiveRateLimit() {
        return rateLimit != null ? rateLimit : RateLimit.STANDARD;
    }
}
