package io.callcard.listener;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body that may not exceed a limit. A declared Content-Length over the limit is refused before a
 * byte is read; a chunked body is counted while it arrives, and never more than {@code limit + 1} bytes are held.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(HttpExchange exchange, int limit) throws IOException {
        long declared = declaredLength(exchange);
        if (declared > limit) {
            throw RequestRejected.payloadTooLarge(limit);
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 4096);
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            // ask for at most one byte past the limit: enough to know it was exceeded
            int wanted = (int) Math.min(buffer.length, limit + 1L - total);
            int n = in.read(buffer, 0, wanted);
            if (n < 0) {
                return body.toByteArray();
            }
            total += n;
            if (total > limit) {
                throw RequestRejected.payloadTooLarge(limit);
            }
            body.write(buffer, 0, n);
        }
    }

    /** -1 when absent; the JDK server already refuses a Content-Length that is not a number. */
    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1; // counting while reading still enforces the limit
        }
    }
}
