package io.callcard.sandbox.rest;

/**
 * The local application installed on the sandbox portal, as a companion configures it: OAuth client id and secret,
 * the {@code application_token} that event posts carry for verification, the portal's {@code member_id}, and the
 * endpoints (this server's own address).
 */
public record SandboxApplication(String clientId, String clientSecret, String applicationToken, String memberId,
        String domain, String restEndpoint) {
}
