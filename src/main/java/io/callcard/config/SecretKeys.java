package io.callcard.config;

/**
 * The names secrets are stored under, in whichever {@link SecretStore} answers. They are part of the stored format:
 * renaming one loses the user's saved connection.
 */
public final class SecretKeys {

    /** The whole inbound webhook URL {@code https://PORTAL/rest/USER_ID/CODE/}: the code in it is the secret. */
    public static final String WEBHOOK_URL = "portal.webhook.url";
    /** The OAuth access token. */
    public static final String OAUTH_ACCESS_TOKEN = "portal.oauth.access";
    /** The OAuth refresh token. */
    public static final String OAUTH_REFRESH_TOKEN = "portal.oauth.refresh";
    /** The OAuth application's client secret, needed to refresh. */
    public static final String OAUTH_CLIENT_SECRET = "portal.oauth.clientSecret";

    /**
     * The portal's {@code application_token}: {@code /bitrix/events} accepts a post only when its
     * {@code auth[application_token]} equals this.
     */
    public static final String APPLICATION_TOKEN = "portal.applicationToken";

    private SecretKeys() {
    }
}
