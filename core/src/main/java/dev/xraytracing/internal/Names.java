package dev.xraytracing.internal;

import dev.xraytracing.internal.log.WarnOnce;

/**
 * Makes (sub)segment names acceptable to X-Ray: the schema allows letters, digits, white space and {@code _.:/%&#=+-@},
 * at most 200 characters, and never an empty name.
 */
public final class Names {
    static final int MAX_LENGTH = 200;
    private static final boolean[] ALLOWED_ASCII = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ALLOWED_ASCII[c] = isAllowed(c);
        }
    }

    private Names() {
    }

    public static String sanitize(String name, WarnOnce warnings) {
        if (name == null || name.isEmpty()) {
            warnings.warn("name:empty", "a subsegment name was null or empty; recorded as 'unnamed'");
            return "unnamed";
        }
        if (isValid(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; ) {
            int cp = name.codePointAt(i);
            out.appendCodePoint(isAllowed(cp) ? cp : '_');
            i += Character.charCount(cp);
        }
        String fixed = out.toString();
        warnings.warn("name:" + name, "subsegment name '" + name + "' is not valid in X-Ray; recorded as '" + fixed + "'");
        return fixed;
    }

    static boolean isValid(String name) {
        if (name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            char c = name.charAt(i);
            if (c < 128) {
                // Every name is checked on every subsegment; most are ASCII, so a table lookup decides.
                if (!ALLOWED_ASCII[c]) {
                    return false;
                }
                i++;
                continue;
            }
            int cp = name.codePointAt(i);
            if (!isAllowed(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isAllowed(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || cp == ' ' || "_.:/%&#=+-@".indexOf(cp) >= 0;
        }
        return Character.isLetterOrDigit(cp) || Character.isSpaceChar(cp);
    }
}
