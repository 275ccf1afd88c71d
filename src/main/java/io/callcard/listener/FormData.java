package io.callcard.listener;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} (and query strings) into a flat map, as PHP's {@code $_POST} sees the
 * widget form: the keys Bitrix24 posts there are flat. A repeated key keeps its last value, like PHP. Percent escapes
 * must be complete and the result valid UTF-8, or the whole form is refused.
 */
final class FormData {

    private FormData() {
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.put(key, value);
        }
        return fields;
    }

    static String decode(String encoded) {
        byte[] out = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                out[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw WidgetRejections.invalidForm("a percent escape is cut short");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw WidgetRejections.invalidForm("a percent escape is not hexadecimal");
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                throw WidgetRejections.invalidForm("unencoded non-ASCII character");
            } else {
                out[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw WidgetRejections.invalidForm("the form is not UTF-8");
        }
    }
}
