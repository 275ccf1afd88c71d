package io.callcard.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON POST to the portal. A portal that moved domains answers with a redirect; OkHttp would follow it as a GET
 * (and lose the body), so its own following is off and the POST is repeated here, body and all, at the new
 * location, a few hops at most and never from HTTPS down to plain HTTP off this machine.
 */
final class Transport {

    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final MediaType JSON = MediaType.get("application/json");
    static final int MAX_REDIRECTS = 5;

    private final OkHttpClient http;
    private final String userAgent;

    Transport(OkHttpClient http, String userAgent) {
        this.http = Objects.requireNonNull(http, "http");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    RawAnswer post(HttpUrl url, byte[] json, String method, PortalCall owner) throws PortalException {
        HttpUrl target = url;
        for (int hop = 0; ; hop++) {
            Request request = new Request.Builder()
                    .url(target)
                    .post(RequestBody.create(json, JSON))
                    .header("Accept", "application/json")
                    .header("User-Agent", userAgent)
                    .build();
            boolean readingBody = false;
            try (Response response = owner.track(http.newCall(request)).execute()) {
                // Only the method and status: the URL of a webhook carries its secret.
                log.debug("{} answered HTTP {}", method, response.code());
                HttpUrl moved = movedTo(response);
                if (moved == null) {
                    readingBody = true;
                    ResponseBody body = response.body();
                    return new RawAnswer(response.code(), body == null ? new byte[0] : body.bytes(),
                            retryAfter(response));
                }
                if (hop >= MAX_REDIRECTS) {
                    throw PortalException.transport(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE, "too many redirects",
                            method, null);
                }
                if (!PortalOrigin.isAllowed(moved)) {
                    throw PortalException.transport(PortalError.HTTP_STATUS_WITHOUT_ENVELOPE,
                            "refused a redirect from HTTPS to plain HTTP", method, null);
                }
                log.info("{}: the portal moved to {}, repeating the POST there", method, PortalOrigin.origin(moved));
                target = moved;
            } catch (IOException e) {
                throw TransportFailures.classify(e, method, owner.isCancelled(), readingBody);
            }
        }
    }

    private static HttpUrl movedTo(Response response) {
        int code = response.code();
        boolean redirect = code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
        String location = response.header("Location");
        return redirect && location != null ? response.request().url().resolve(location) : null;
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is rare for APIs and reads as absent. */
    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value != null && value.trim().matches("[0-9]{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }
        return Duration.ZERO;
    }
}
