package dev.xraytracing.otel.internal;

/**
 * X-Ray trace ids and OpenTelemetry's are the same 128 bits: {@code 1-5759e988-bd862e3fe1be46a994272793} is
 * {@code 5759e988bd862e3fe1be46a994272793}, its first 32 bits the start time in seconds.
 */
public final class XrayIds {
    private XrayIds() {
    }

    /** The OpenTelemetry trace id of an X-Ray trace id, or null when {@code xray} is not one. */
    public static String traceIdOf(String xray) {
        if (xray == null || xray.length() != 35 || !xray.startsWith("1-") || xray.charAt(10) != '-') {
            return null;
        }
        String hex = xray.substring(2, 10).concat(xray.substring(11)).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return hex;
    }

    /** Whether {@code id} is {@code digits} hex digits, not all zero: an id OpenTelemetry accepts as valid. */
    static boolean isValidHex(String id, int digits) {
        if (id.length() != digits) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < digits; i++) {
            char c = Character.toLowerCase(id.charAt(i));
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    /** The X-Ray trace id of a 32-digit OpenTelemetry trace id. */
    public static String xrayTraceIdOf(String traceId) {
        return "1-" + traceId.substring(0, 8) + "-" + traceId.substring(8);
    }
}
