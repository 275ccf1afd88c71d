package io.callcard.portal;

import okhttp3.HttpUrl;

/**
 * The portal's one check on a handler URL (protocol.md §1): http or https, and a host name containing a dot. So
 * {@code http://localhost:...} is refused by the portal while {@code http://127.0.0.1:...} passes; checking here
 * turns the portal's late {@code ERROR_WRONG_HANDLER_URL} into an early, plain programming error.
 */
final class HandlerUrls {

    private HandlerUrls() {
    }

    static String require(String handler) {
        HttpUrl url = handler == null ? null : HttpUrl.parse(handler.trim());
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) handler URL: " + handler);
        }
        if (!url.host().contains(".")) {
            throw new IllegalArgumentException("the portal refuses handler hosts without a dot (use 127.0.0.1, "
                    + "not localhost): " + url.host());
        }
        return url.toString();
    }
}
