package dev.hotkeylab.whatif;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Shows key bytes to people without hiding what a partitioner sees: spaces at either end, an empty key, a null key and
 * bytes that are not text would all look alike (or like nothing) if printed raw.
 */
public final class KeyBytes {

    private KeyBytes() {
    }

    /**
     * {@code (null key)} for null, {@code ""} for the empty key, the text itself for plain UTF-8 text, the text in double
     * quotes when it starts or ends with white space, and {@code 0x} followed by hex digits for anything that is not
     * printable UTF-8 text.
     */
    public static String label(byte[] key) {
        if (key == null) {
            return "(null key)";
        }
        if (key.length == 0) {
            return "\"\"";
        }
        String text = utf8OrNull(key);
        if (text == null || text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFEFF')) {
            return "0x" + HexFormat.of().formatHex(key);
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return "\"" + text + "\"";
        }
        return text;
    }

    /** The key as a Java String if its bytes are valid UTF-8, else null. */
    public static String utf8OrNull(byte[] key) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
