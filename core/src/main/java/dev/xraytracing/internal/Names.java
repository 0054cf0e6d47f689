package dev.xraytracing.internal;

import dev.xraytracing.internal.log.WarnOnce;

/**
 * Makes (sub)segment names acceptable to X-Ray: the schema's name pattern allows ASCII letters and digits, white space,
 * {@code _.:/%&#=+-@}, and the Unicode letters, numbers and space separators it lists ({@link #NON_ASCII_RANGES}, taken
 * from the pattern itself: newer letters that {@link Character#isLetterOrDigit} knows are not in it); at most 200
 * characters, never empty or blank. Also caps the HTTP request fields X-Ray limits.
 */
public final class Names {
    static final int MAX_LENGTH = 200;
    /** X-Ray's limit on {@code http.request} fields such as {@code url} and {@code method}. */
    static final int MAX_HTTP_FIELD_LENGTH = 250;
    private static final boolean[] ALLOWED_ASCII = new boolean[128];
    /** Pairs of first and last character of the non-ASCII ranges the schema's name pattern allows, in order. */
    static final String NON_ASCII_RANGES = "\u00a0\u00a0\u00aa\u00aa\u00b2\u00b3\u00b5\u00b5\u00b9\u00ba\u00bc\u00be\u00c0\u00d6\u00d8\u00f6"
            + "\u00f8\u02c1\u02c6\u02d1\u02e0\u02e4\u02ec\u02ec\u02ee\u02ee\u0370\u0374\u0376\u0377\u037a\u037d"
            + "\u037f\u037f\u0386\u0386\u0388\u038a\u038c\u038c\u038e\u03a1\u03a3\u03f5\u03f7\u0481\u048a\u052f"
            + "\u0531\u0556\u0559\u0559\u0561\u0587\u05d0\u05ea\u05f0\u05f2\u0620\u064a\u0660\u0669\u066e\u066f"
            + "\u0671\u06d3\u06d5\u06d5\u06e5\u06e6\u06ee\u06fc\u06ff\u06ff\u0710\u0710\u0712\u072f\u074d\u07a5"
            + "\u07b1\u07b1\u07c0\u07ea\u07f4\u07f5\u07fa\u07fa\u0800\u0815\u081a\u081a\u0824\u0824\u0828\u0828"
            + "\u0840\u0858\u08a0\u08b4\u0904\u0939\u093d\u093d\u0950\u0950\u0958\u0961\u0966\u096f\u0971\u0980"
            + "\u0985\u098c\u098f\u0990\u0993\u09a8\u09aa\u09b0\u09b2\u09b2\u09b6\u09b9\u09bd\u09bd\u09ce\u09ce"
            + "\u09dc\u09dd\u09df\u09e1\u09e6\u09f1\u09f4\u09f9\u0a05\u0a0a\u0a0f\u0a10\u0a13\u0a28\u0a2a\u0a30"
            + "\u0a32\u0a33\u0a35\u0a36\u0a38\u0a39\u0a59\u0a5c\u0a5e\u0a5e\u0a66\u0a6f\u0a72\u0a74\u0a85\u0a8d"
            + "\u0a8f\u0a91\u0a93\u0aa8\u0aaa\u0ab0\u0ab2\u0ab3\u0ab5\u0ab9\u0abd\u0abd\u0ad0\u0ad0\u0ae0\u0ae1"
            + "\u0ae6\u0aef\u0af9\u0af9\u0b05\u0b0c\u0b0f\u0b10\u0b13\u0b28\u0b2a\u0b30\u0b32\u0b33\u0b35\u0b39"
            + "\u0b3d\u0b3d\u0b5c\u0b5d\u0b5f\u0b61\u0b66\u0b6f\u0b71\u0b77\u0b83\u0b83\u0b85\u0b8a\u0b8e\u0b90"
            + "\u0b92\u0b95\u0b99\u0b9a\u0b9c\u0b9c\u0b9e\u0b9f\u0ba3\u0ba4\u0ba8\u0baa\u0bae\u0bb9\u0bd0\u0bd0"
            + "\u0be6\u0bf2\u0c05\u0c0c\u0c0e\u0c10\u0c12\u0c28\u0c2a\u0c39\u0c3d\u0c3d\u0c58\u0c5a\u0c60\u0c61"
            + "\u0c66\u0c6f\u0c78\u0c7e\u0c85\u0c8c\u0c8e\u0c90\u0c92\u0ca8\u0caa\u0cb3\u0cb5\u0cb9\u0cbd\u0cbd"
            + "\u0cde\u0cde\u0ce0\u0ce1\u0ce6\u0cef\u0cf1\u0cf2\u0d05\u0d0c\u0d0e\u0d10\u0d12\u0d3a\u0d3d\u0d3d"
            + "\u0d4e\u0d4e\u0d5f\u0d61\u0d66\u0d75\u0d7a\u0d7f\u0d85\u0d96\u0d9a\u0db1\u0db3\u0dbb\u0dbd\u0dbd"
            + "\u0dc0\u0dc6\u0de6\u0def\u0e01\u0e30\u0e32\u0e33\u0e40\u0e46\u0e50\u0e59\u0e81\u0e82\u0e84\u0e84"
            + "\u0e87\u0e88\u0e8a\u0e8a\u0e8d\u0e8d\u0e94\u0e97\u0e99\u0e9f\u0ea1\u0ea3\u0ea5\u0ea5\u0ea7\u0ea7"
            + "\u0eaa\u0eab\u0ead\u0eb0\u0eb2\u0eb3\u0ebd\u0ebd\u0ec0\u0ec4\u0ec6\u0ec6\u0ed0\u0ed9\u0edc\u0edf"
            + "\u0f00\u0f00\u0f20\u0f33\u0f40\u0f47\u0f49\u0f6c\u0f88\u0f8c\u1000\u102a\u103f\u1049\u1050\u1055"
            + "\u105a\u105d\u1061\u1061\u1065\u1066\u106e\u1070\u1075\u1081\u108e\u108e\u1090\u1099\u10a0\u10c5"
            + "\u10c7\u10c7\u10cd\u10cd\u10d0\u10fa\u10fc\u1248\u124a\u124d\u1250\u1256\u1258\u1258\u125a\u125d"
            + "\u1260\u1288\u128a\u128d\u1290\u12b0\u12b2\u12b5\u12b8\u12be\u12c0\u12c0\u12c2\u12c5\u12c8\u12d6"
            + "\u12d8\u1310\u1312\u1315\u1318\u135a\u1369\u137c\u1380\u138f\u13a0\u13f5\u13f8\u13fd\u1401\u166c"
            + "\u166f\u169a\u16a0\u16ea\u16ee\u16f8\u1700\u170c\u170e\u1711\u1720\u1731\u1740\u1751\u1760\u176c"
            + "\u176e\u1770\u1780\u17b3\u17d7\u17d7\u17dc\u17dc\u17e0\u17e9\u17f0\u17f9\u1810\u1819\u1820\u1877"
            + "\u1880\u18a8\u18aa\u18aa\u18b0\u18f5\u1900\u191e\u1946\u196d\u1970\u1974\u1980\u19ab\u19b0\u19c9"
            + "\u19d0\u19da\u1a00\u1a16\u1a20\u1a54\u1a80\u1a89\u1a90\u1a99\u1aa7\u1aa7\u1b05\u1b33\u1b45\u1b4b"
            + "\u1b50\u1b59\u1b83\u1ba0\u1bae\u1be5\u1c00\u1c23\u1c40\u1c49\u1c4d\u1c7d\u1ce9\u1cec\u1cee\u1cf1"
            + "\u1cf5\u1cf6\u1d00\u1dbf\u1e00\u1f15\u1f18\u1f1d\u1f20\u1f45\u1f48\u1f4d\u1f50\u1f57\u1f59\u1f59"
            + "\u1f5b\u1f5b\u1f5d\u1f5d\u1f5f\u1f7d\u1f80\u1fb4\u1fb6\u1fbc\u1fbe\u1fbe\u1fc2\u1fc4\u1fc6\u1fcc"
            + "\u1fd0\u1fd3\u1fd6\u1fdb\u1fe0\u1fec\u1ff2\u1ff4\u1ff6\u1ffc\u2000\u200a\u2028\u2029\u202f\u202f"
            + "\u205f\u205f\u2070\u2071\u2074\u2079\u207f\u2089\u2090\u209c\u2102\u2102\u2107\u2107\u210a\u2113"
            + "\u2115\u2115\u2119\u211d\u2124\u2124\u2126\u2126\u2128\u2128\u212a\u212d\u212f\u2139\u213c\u213f"
            + "\u2145\u2149\u214e\u214e\u2150\u2189\u2460\u249b\u24ea\u24ff\u2776\u2793\u2c00\u2c2e\u2c30\u2c5e"
            + "\u2c60\u2ce4\u2ceb\u2cee\u2cf2\u2cf3\u2cfd\u2cfd\u2d00\u2d25\u2d27\u2d27\u2d2d\u2d2d\u2d30\u2d67"
            + "\u2d6f\u2d6f\u2d80\u2d96\u2da0\u2da6\u2da8\u2dae\u2db0\u2db6\u2db8\u2dbe\u2dc0\u2dc6\u2dc8\u2dce"
            + "\u2dd0\u2dd6\u2dd8\u2dde\u2e2f\u2e2f\u3000\u3000\u3005\u3007\u3021\u3029\u3031\u3035\u3038\u303c"
            + "\u3041\u3096\u309d\u309f\u30a1\u30fa\u30fc\u30ff\u3105\u312d\u3131\u318e\u3192\u3195\u31a0\u31ba"
            + "\u31f0\u31ff\u3220\u3229\u3248\u324f\u3251\u325f\u3280\u3289\u32b1\u32bf\u3400\u4db5\u4e00\u9fd5"
            + "\ua000\ua48c\ua4d0\ua4fd\ua500\ua60c\ua610\ua62b\ua640\ua66e\ua67f\ua69d\ua6a0\ua6ef\ua717\ua71f"
            + "\ua722\ua788\ua78b\ua7ad\ua7b0\ua7b7\ua7f7\ua801\ua803\ua805\ua807\ua80a\ua80c\ua822\ua830\ua835"
            + "\ua840\ua873\ua882\ua8b3\ua8d0\ua8d9\ua8f2\ua8f7\ua8fb\ua8fb\ua8fd\ua8fd\ua900\ua925\ua930\ua946"
            + "\ua960\ua97c\ua984\ua9b2\ua9cf\ua9d9\ua9e0\ua9e4\ua9e6\ua9fe\uaa00\uaa28\uaa40\uaa42\uaa44\uaa4b"
            + "\uaa50\uaa59\uaa60\uaa76\uaa7a\uaa7a\uaa7e\uaaaf\uaab1\uaab1\uaab5\uaab6\uaab9\uaabd\uaac0\uaac0"
            + "\uaac2\uaac2\uaadb\uaadd\uaae0\uaaea\uaaf2\uaaf4\uab01\uab06\uab09\uab0e\uab11\uab16\uab20\uab26"
            + "\uab28\uab2e\uab30\uab5a\uab5c\uab65\uab70\uabe2\uabf0\uabf9\uac00\ud7a3\ud7b0\ud7c6\ud7cb\ud7fb"
            + "\uf900\ufa6d\ufa70\ufad9\ufb00\ufb06\ufb13\ufb17\ufb1d\ufb1d\ufb1f\ufb28\ufb2a\ufb36\ufb38\ufb3c"
            + "\ufb3e\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46\ufbb1\ufbd3\ufd3d\ufd50\ufd8f\ufd92\ufdc7\ufdf0\ufdfb"
            + "\ufe70\ufe74\ufe76\ufefc\uff10\uff19\uff21\uff3a\uff41\uff5a\uff66\uffbe\uffc2\uffc7\uffca\uffcf"
            + "\uffd2\uffd7\uffda\uffdc";

    static {
        for (int c = 0; c < 128; c++) {
            ALLOWED_ASCII[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || "_.:/%&#=+-@".indexOf(c) >= 0;
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
        if (name.isBlank()) {
            warnings.warn("name:blank", "a subsegment name was blank; recorded as 'unnamed'");
            return "unnamed";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; ) {
            int cp = name.codePointAt(i);
            out.append(isAllowed(cp) ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        String fixed = out.toString();
        if (fixed.isBlank()) {
            fixed = "unnamed";
        }
        warnings.warn("name:" + Annotations.preview(name), "subsegment name '" + Annotations.preview(name)
                + "' is not valid in X-Ray; recorded as '" + Annotations.preview(fixed) + "'");
        return fixed;
    }

    /** {@code value} cut to what X-Ray keeps in an {@code http.request} field, logged once per field. */
    public static String capHttpField(String value, String field, WarnOnce warnings) {
        if (value.length() <= MAX_HTTP_FIELD_LENGTH) {
            return value;
        }
        warnings.warn("http:" + field, "http.request." + field + " had " + value.length() + " characters; X-Ray keeps "
                + MAX_HTTP_FIELD_LENGTH + ", so it was cut");
        int end = MAX_HTTP_FIELD_LENGTH;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    static boolean isValid(String name) {
        if (name.length() > MAX_LENGTH) {
            return false;
        }
        boolean blank = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128) {
                // Every name is checked on every subsegment; most are ASCII, so a table lookup decides.
                if (!ALLOWED_ASCII[c]) {
                    return false;
                }
                if (c != ' ') {
                    blank = false;
                }
            } else if (!isAllowedNonAscii(c)) {
                return false;
            } else if (blank && !Character.isSpaceChar(c)) {
                blank = false;
            }
        }
        return !blank;
    }

    private static boolean isAllowed(int cp) {
        if (cp < 128) {
            return ALLOWED_ASCII[cp];
        }
        return cp <= 0xFFFF && isAllowedNonAscii((char) cp);
    }

    /** Binary search in {@link #NON_ASCII_RANGES}; the pattern allows no character outside the BMP. */
    private static boolean isAllowedNonAscii(char c) {
        int low = 0;
        int high = NON_ASCII_RANGES.length() / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            char first = NON_ASCII_RANGES.charAt(2 * middle);
            char last = NON_ASCII_RANGES.charAt(2 * middle + 1);
            if (c < first) {
                high = middle - 1;
            } else if (c > last) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
