package io.callcard.listener;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client connection that is reused while the listener keeps it open: writes raw request bytes, reads one
 * response framed by Content-Length (or by the connection closing). A request the listener never answers shows up as
 * {@link SocketTimeoutException}, which callers treat as a hang. For the fuzz test and the listener bench.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** The status, or -1 when the listener closed the connection without an answer. */
    public record Answer(int status, String body) {
    }

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public KeepAliveConnection(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends {@code request} and reads the answer. With {@code lastOnConnection} the request side is shut after sending
     * (for requests whose framing is broken on purpose) and the connection is dropped afterwards.
     */
    public Answer exchange(byte[] request, boolean lastOnConnection) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            if (lastOnConnection) {
                socket.shutdownOutput();
            }
            Answer answer = readAnswer(lastOnConnection);
            if (lastOnConnection || answer.status() < 0) {
                close();
            }
            return answer;
        } catch (SocketTimeoutException hang) {
            close();
            throw hang;
        } catch (IOException closedOrReset) {
            close();
            return new Answer(-1, "");
        }
    }

    private void connect() throws IOException {
        socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    private Answer readAnswer(boolean lastOnConnection) throws IOException {
        String head = readHead();
        if (head == null) {
            return new Answer(-1, "");
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        long length = -1;
        boolean closing = lastOnConnection;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (line.startsWith("connection:") && line.contains("close")) {
                closing = true;
            }
        }
        byte[] body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (closing || length < 0) {
            close();
        }
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    /** The response head, or null when the connection ended before one began. */
    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a response head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead socket: nothing to do
            }
            socket = null;
        }
    }
}
