package dev.xraytracing.local.internal.services.sns;

import java.util.Map;

/**
 * SNS's answers in the query protocol's XML, as the SDK parses them: {@code <ActionResponse>} holding
 * {@code <ActionResult>} and the request id, lists as {@code <member>}, maps as {@code <entry><key/><value/></entry>},
 * and errors as {@code <ErrorResponse>}.
 */
final class SnsXml {
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder();

    SnsXml element(String name, String value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
        }
        return this;
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** Appends what another builder wrote. */
    SnsXml raw(SnsXml other) {
        xml.append(other.xml);
        return this;
    }

    SnsXml entries(String name, Map<String, String> map) {
        open(name);
        map.forEach((key, value) -> open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    /** The whole answer to {@code action}, with this builder's content as its result. */
    String response(String action, String requestId) {
        return "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + xml + "</" + action
                + "Result><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action
                + "Response>";
    }

    static String error(String code, String message, int status, String requestId) {
        String type = status >= 500 ? "Receiver" : "Sender";
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + type + "</Type><Code>" + escape(code)
                + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + requestId
                + "</RequestId></ErrorResponse>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
