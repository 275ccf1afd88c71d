package io.callcard.listener;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

/**
 * Random and mutated requests for {@link ListenerFuzzTest}. None of them may change the call state: a message with
 * the live session is always broken (cut JSON, invalid UTF-8, too deep, wrong types), every other message carries no
 * session or a forged one, and every widget form names another portal member. {@link #isOneShot()} marks requests
 * whose framing is broken on purpose: they go last on their connection, with the sending side shut.
 */
final class FuzzRequests {

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE",
        "CONNECT", "FOO", "get", "P0ST"};
    private static final String[] PATHS = {"/bridge/events", "/bridge/commands", "/widget/callcard", "/widget/bridge.js",
        "/widget/install", "/widget/install.js", "/health", "/", "/bridge/events/", "/bridge/events/../health",
        "/%2e%2e/health", "/bridge/%00events", "/widget/callcard;x=1", "//health", "/health?x=%ZZ", "/bitrix/events",
        "/placement/events"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
        "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/json;;;",
        "\u00ff/\u00fe", ""};
    private static final String[] ORIGINS = {null, null, null, "null", "https://evil.example", "http://127.0.0.1:1",
        "https://xxx.bitrix24.com", "javascript:alert(1)", "http://[::1", "\u00ff"};

    private final Random random;
    private final int port;
    private final String session;
    private boolean oneShot;

    FuzzRequests(long seed, int port, String session) {
        this.random = new Random(seed);
        this.port = port;
        this.session = session;
    }

    /** True when the last {@link #next()} must be sent as the last request on its connection. */
    boolean isOneShot() {
        return oneShot;
    }

    byte[] next() {
        oneShot = false;
        switch (random.nextInt(11)) {
            case 0:
                return jsonPost(brokenWithLiveSession());
            case 1:
            case 2:
                return jsonPost(mutated(validMessage(random.nextBoolean() ? "forged-" + random.nextInt() : null)));
            case 3:
                return jsonPost(randomJson());
            case 4:
                return widgetForm();
            case 5:
                return randomRequest();
            case 6:
                oneShot = true;
                return brokenFraming();
            case 7:
                oneShot = true;
                return garbage();
            case 8:
                return hugeKey();
            case 9:
                return portalEvent();
            default:
                return request(METHODS[random.nextInt(METHODS.length)], PATHS[random.nextInt(PATHS.length)],
                        validHost(), ORIGINS[random.nextInt(ORIGINS.length)], null, new byte[0]);
        }
    }

    /** A message of the live session that can never be accepted. */
    private byte[] brokenWithLiveSession() {
        byte[] valid = validMessage(session);
        switch (random.nextInt(4)) {
            case 0: // cut anywhere before the closing brace: never complete JSON
                return java.util.Arrays.copyOf(valid, random.nextInt(valid.length - 1));
            case 1: // an invalid UTF-8 byte inside the callId string
                String text = new String(valid, StandardCharsets.ISO_8859_1);
                int at = text.indexOf("fuzz-call") + 2;
                byte[] bad = valid.clone();
                bad[at] = (byte) (random.nextBoolean() ? 0xFF : 0x80);
                return bad;
            case 2: // nested far deeper than any message, as the args
                int depth = 500 + random.nextInt(3000);
                return ("{\"type\":\"event\",\"session\":\"" + session + "\",\"seq\":7,\"callId\":\"fuzz-call\","
                        + "\"event\":\"CallCard::CallStateChanged\",\"args\":" + "[".repeat(depth) + "]".repeat(depth)
                        + "}").getBytes(StandardCharsets.UTF_8);
            default: // wrong types where the contract wants strings and counts
                return ("{\"type\":\"event\",\"session\":\"" + session + "\",\"seq\":\"" + random.nextInt()
                        + "\",\"callId\":" + random.nextInt() + ",\"event\":\"CallCard::CallStateChanged\",\"args\":"
                        + "[\"connected\",{}]}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] validMessage(String withSession) {
        String state = random.nextBoolean() ? "connected" : "idle";
        String json = "{\"type\":\"event\",\"callId\":\"fuzz-call\",\"event\":\"CallCard::CallStateChanged\","
                + "\"args\":[\"" + state + "\",{\"failedCode\":\"486\"}]}";
        if (withSession != null) {
            json = WidgetForms.withSession(json, withSession, 1 + random.nextInt(1000));
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Flips, inserts or deletes a few bytes. */
    private byte[] mutated(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        out.write(bytes, 0, bytes.length);
        byte[] result = out.toByteArray();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && result.length > 1; i++) {
            int at = random.nextInt(result.length);
            switch (random.nextInt(3)) {
                case 0:
                    result[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    result = splice(result, at, new byte[] {(byte) random.nextInt(256)});
                    break;
                default:
                    byte[] shorter = new byte[result.length - 1];
                    System.arraycopy(result, 0, shorter, 0, at);
                    System.arraycopy(result, at + 1, shorter, at, result.length - at - 1);
                    result = shorter;
            }
        }
        return result;
    }

    private byte[] randomJson() {
        StringBuilder json = new StringBuilder();
        randomValue(json, 0);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void randomValue(StringBuilder json, int depth) {
        int kind = depth > 6 ? random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0:
                json.append(random.nextLong());
                break;
            case 1:
                json.append('"').append(randomText(random.nextInt(20))).append('"');
                break;
            case 2:
                json.append(random.nextBoolean() ? "true" : "null");
                break;
            case 3:
                json.append(random.nextDouble() * 1e300);
                break;
            case 4:
                json.append('[');
                for (int i = random.nextInt(4); i > 0; i--) {
                    randomValue(json, depth + 1);
                    json.append(i > 1 ? "," : "");
                }
                json.append(']');
                break;
            default:
                String[] keys = {"type", "session", "seq", "callId", "event", "args", "status", "result", "commandId"};
                json.append('{');
                for (int i = random.nextInt(5); i > 0; i--) {
                    json.append('"').append(keys[random.nextInt(keys.length)]).append("\":");
                    randomValue(json, depth + 1);
                    json.append(i > 1 ? "," : "");
                }
                json.append('}');
        }
    }

    /** A widget handler POST, mutated, that names another member than the configured one. */
    private byte[] widgetForm() {
        Map<String, String> fields = WidgetForms.example();
        fields.put("member_id", "fuzz-member-" + random.nextInt(1000));
        if (random.nextBoolean()) {
            fields.put("PLACEMENT_OPTIONS", new String(mutated(fields.get("PLACEMENT_OPTIONS")
                    .getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1));
        }
        byte[] body = WidgetForms.body(fields).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            body = mutated(body);
        }
        String type = CONTENT_TYPES[random.nextBoolean() ? 2 : random.nextInt(CONTENT_TYPES.length)];
        return request("POST", "/widget/callcard?" + WidgetForms.query(fields), validHost(),
                ORIGINS[random.nextInt(ORIGINS.length)], type, body);
    }

    private byte[] randomRequest() {
        String host = random.nextInt(4) == 0 ? "evil.example:" + port : validHost();
        String path = PATHS[random.nextInt(PATHS.length)]
                + (random.nextBoolean() ? "" : "?" + randomText(30).replaceAll("[\\s\\x00-\\x1f]", "_"));
        StringBuilder extra = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            extra.append("X-").append(randomText(8).replaceAll("[^A-Za-z0-9]", "a")).append(": ")
                    .append(randomText(40).replaceAll("[\r\n]", " ")).append("\r\n");
        }
        byte[] body = random.nextBoolean() ? new byte[0] : randomBytes(random.nextInt(2000));
        String method = METHODS[random.nextInt(METHODS.length)];
        oneShot |= method.equals("HEAD") || method.equals("CONNECT") || method.equals("TRACE");
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + extra + "Content-Type: " + CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        return splice(head.getBytes(StandardCharsets.ISO_8859_1), -1, body);
    }

    private byte[] brokenFraming() {
        byte[] body = validMessage(null);
        String start = "POST /bridge/events HTTP/1.1\r\nHost: " + validHost() + "\r\nContent-Type: application/json\r\n";
        switch (random.nextInt(6)) {
            case 0: // a Content-Length the body never reaches
                return splice((start + "Content-Length: " + (body.length + 1 + random.nextInt(500)) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1), -1, body);
            case 1:
                return (start + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n").getBytes(StandardCharsets.ISO_8859_1);
            case 2:
                return (start + "Content-Length: -5\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            case 3:
                return (start + "Content-Length: 12\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            case 4: // a request line far over the header limit
                return ("GET /health?" + "a".repeat(40_000 + random.nextInt(20_000)) + " HTTP/1.1\r\nHost: " + validHost()
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            default: // headers over the count limit
                StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: " + validHost() + "\r\n");
                for (int i = 0; i < 65 + random.nextInt(200); i++) {
                    many.append("X-").append(i).append(": v\r\n");
                }
                return many.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private byte[] garbage() {
        return randomBytes(1 + random.nextInt(3000));
    }

    /**
     * A portal's event post (form with PHP-style keys, or JSON) to {@code /bitrix/events} or {@code /placement/events},
     * mutated, and never with the configured application token: the decoder sees it all, the tracker nothing.
     */
    private byte[] portalEvent() {
        String path = random.nextBoolean() ? "/bitrix/events" : "/placement/events";
        String token = random.nextInt(4) == 0 ? "" : "forged-" + random.nextInt();
        String body;
        switch (random.nextInt(5)) {
            case 0: // deep nesting in a PHP-style key
                body = "event=ONVOXIMPLANTCALLEND&data" + "[a]".repeat(1 + random.nextInt(5_000)) + "=1"
                        + "&auth[application_token]=" + token;
                break;
            case 1: // broken escapes and brackets
                body = "event=ONVOXIMPLANTCALLINIT&data[CALL_ID=%ZZ&data]]=%&auth[[application_token]=" + token;
                break;
            case 2: // JSON, cut somewhere
                String json = "{\"event\":\"ONVOXIMPLANTCALLSTART\",\"data\":{\"CALL_ID\":\"fuzz\"},"
                        + "\"auth\":{\"application_token\":\"" + token + "\"}}";
                return request("POST", path, validHost(), null, "application/json",
                        java.util.Arrays.copyOf(json.getBytes(StandardCharsets.UTF_8), random.nextInt(json.length() + 1)));
            case 3: // the CallCard events of the seed transport, with random arguments
                body = "event=CallCard%3A%3ACallStateChanged&args[0]=" + random.nextInt() + "&args[1][failedCode]="
                        + "%FF%FE&auth[application_token]=" + token;
                break;
            default: // random bytes in a plausible form
                byte[] noise = new byte[random.nextInt(2_000)];
                random.nextBytes(noise);
                body = "event=ONVOXIMPLANTCALLEND&data[CALL_ID]=" + new String(noise, StandardCharsets.ISO_8859_1)
                        + "&auth[application_token]=" + token;
                break;
        }
        return request("POST", path, validHost(), null, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A key of 10 to 100 KB: under or over the body limit. */
    private byte[] hugeKey() {
        String key = "k".repeat(10_000 + random.nextInt(90_000));
        return jsonPost(("{\"" + key + "\":1,\"type\":\"closed\",\"callId\":\"fuzz-call\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private byte[] jsonPost(byte[] body) {
        return request("POST", "/bridge/events", validHost(), ORIGINS[random.nextInt(ORIGINS.length)],
                CONTENT_TYPES[random.nextInt(3) == 0 ? random.nextInt(CONTENT_TYPES.length) : 0], body);
    }

    private byte[] request(String method, String target, String host, String origin, String type, byte[] body) {
        // a HEAD answer has a Content-Length but no body, and CONNECT and TRACE are special to some servers: such
        // requests go last on their connection, where the answer ends with the connection
        oneShot |= method.equals("HEAD") || method.equals("CONNECT") || method.equals("TRACE");
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\n");
        if (origin != null) {
            head.append("Origin: ").append(origin).append("\r\n");
        }
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        return splice(head.toString().getBytes(StandardCharsets.ISO_8859_1), -1, body);
    }

    private String validHost() {
        String[] names = {"127.0.0.1", "localhost", "[::1]"};
        return names[random.nextInt(names.length)] + ":" + port;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26)));
        }
        return text.toString().replace("\"", "'").replace("\\", "/");
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** {@code insert} spliced into {@code bytes} at {@code at}; -1 appends. */
    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        int position = at < 0 ? bytes.length : at;
        byte[] result = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, result, 0, position);
        System.arraycopy(insert, 0, result, position, insert.length);
        System.arraycopy(bytes, position, result, position + insert.length, bytes.length - position);
        return result;
    }
}
