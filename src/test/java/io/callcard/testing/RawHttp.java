package io.callcard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client will not send: broken bodies, a Content-Length
 * with no body behind it, hand-made chunked encoding. Reads exactly one response framed by its Content-Length.
 */
public final class RawHttp {

    /** One response: its status, its headers by lower-case name, its body as UTF-8. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    public static Response send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code request} as is and reads one response, or empty when the listener closed the connection without
     * answering (a cut connection). With {@code closeOutput} the request side is shut after sending, as a client that
     * gives up would.
     */
    public static Optional<Response> sendOrCut(int port, byte[] request, boolean closeOutput) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (closeOutput) {
                socket.shutdownOutput();
            }
            try {
                return Optional.of(read(socket.getInputStream()));
            } catch (SocketException reset) {
                return Optional.empty();
            } catch (IOException closedEarly) {
                if (closedEarly instanceof java.net.SocketTimeoutException) {
                    throw closedEarly;
                }
                return Optional.empty();
            }
        }
    }

    public static String chunked(byte[] payload, int chunkSize) {
        StringBuilder wire = new StringBuilder();
        for (int at = 0; at < payload.length; at += chunkSize) {
            int n = Math.min(chunkSize, payload.length - at);
            wire.append(Integer.toHexString(n)).append("\r\n")
                    .append(new String(payload, at, n, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return wire.append("0\r\n\r\n").toString();
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("response body cut short: " + body.length + " of " + length);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the response head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
