package dev.xraytracing.local.internal.services.sns;

/**
 * One message attribute as SNS keeps it: its data type ({@code String}, {@code String.Array}, {@code Number},
 * {@code Binary}, each maybe with a custom {@code .label}) and its value (a binary value base64, as the query protocol
 * and the delivered JSON both carry it).
 */
record MessageAttribute(String type, String value) {
    boolean binary() {
        return type.startsWith("Binary");
    }

    boolean number() {
        return type.startsWith("Number");
    }

    boolean stringArray() {
        return type.equals("String.Array");
    }
}
