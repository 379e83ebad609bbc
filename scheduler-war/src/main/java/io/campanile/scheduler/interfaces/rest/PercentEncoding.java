package io.campanile.scheduler.interfaces.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether a raw path or query decodes: every '%' followed by two hex digits, the bytes UTF-8. */
final class PercentEncoding {

    private PercentEncoding() {}

    /** What is wrong with the raw text, or null if it decodes (or is null). */
    static String problem(String raw) {
        if (raw == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return "'%' must be followed by two hex digits (at position " + i + ")";
                }
                bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return "contains a character that must be percent-encoded (at position " + i + ")";
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            return "its percent-encoded bytes are not UTF-8";
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
