package io.callcard.portal;

import java.time.Duration;

/** What came back over HTTP, before the envelope is read; {@code retryAfter} is zero when the header was absent. */
record RawAnswer(int status, byte[] body, Duration retryAfter) {
}
