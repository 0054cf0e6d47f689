package dev.xraytracing.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.ArrayList;
import java.util.List;

/**
 * Three traces through API Gateway, MyFirstLambda and MySecondLambda, as the local platform records them:
 * {@code fast} is all OK (200, 0.3 s, a DynamoDB call and an SNS publish), {@code slow} answers 502 after 6.2 s with
 * MySecondLambda's function faulting on an exception, {@code throttled} answers 429 to a POST (its call to MyFirstLambda
 * throttled) and has a subsegment still in progress. The function segments carry the account and function ARN.
 */
final class SampleTraces {
    static final String FAST = "1-00000001-000000000000000000000001";
    static final String SLOW = "1-00000002-000000000000000000000002";
    static final String THROTTLED = "1-00000003-000000000000000000000003";
    static final String ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> documents = new ArrayList<>();
    private int ids;

    static List<RecordedTrace> all() {
        SampleTraces s = new SampleTraces();
        s.chain(FAST, 100.0, 0.3, "GET", "https://example.test/prod/hello", 200, false, false);
        s.chain(SLOW, 200.0, 6.2, "GET", "https://example.test/prod/hello?slow=1", 502, true, false);
        s.chain(THROTTLED, 300.0, 0.05, "POST", "https://example.test/prod/orders", 429, false, true);
        return TraceDocuments.assemble(s.documents);
    }

    private void chain(String trace, double t, double seconds, String method, String url, int status, boolean fault,
                       boolean throttled) {
        ObjectNode api = segment(trace, null, "api/prod", "AWS::ApiGateway::Stage", t, t + seconds);
        ObjectNode http = api.putObject("http");
        http.putObject("request").put("method", method).put("url", url).put("user_agent", "curl/8.5")
                .put("client_ip", "127.0.0.1");
        http.putObject("response").put("status", status);
        if (status >= 500) {
            api.put("fault", true);
        } else if (status == 429) {
            api.put("error", true).put("throttle", true);
        }
        ObjectNode call = sub(api, "Lambda", t + 0.001, t + seconds - 0.001).put("namespace", "aws");
        call.putObject("aws").put("operation", "Invoke").put("function_name", "MyFirstLambda");
        documents.add(api.toString());
        if (throttled) {
            call.put("error", true).put("throttle", true).putObject("http").putObject("response").put("status", 429);
            sub(api, "Pending", t + 0.01, null);
            documents.set(documents.size() - 1, api.toString());
            return;
        }
        ObjectNode first = segment(trace, call.get("id").asText(), "MyFirstLambda", "AWS::Lambda", t + 0.002,
                t + seconds - 0.002);
        first.putObject("http").putObject("response").put("status", 200);
        documents.add(first.toString());
        ObjectNode firstFunction = segment(trace, first.get("id").asText(), "MyFirstLambda", "AWS::Lambda::Function",
                t + 0.003, t + seconds - 0.003);
        function(firstFunction, "MyFirstLambda");
        firstFunction.put("user", "alice");
        ObjectNode handler = sub(firstFunction, "CallSecondLambda", t + 0.004, t + seconds - 0.004);
        handler.putObject("annotations").put("customer", fault ? "bob" : "alice").put("attempt", fault ? 2 : 1)
                .put("premium", !fault);
        ObjectNode invoke = sub(handler, "Lambda", t + 0.005, t + seconds - 0.005).put("namespace", "aws");
        invoke.putObject("aws").put("operation", "Invoke").put("function_name", "MySecondLambda");
        invoke.putObject("http").putObject("response").put("status", 200);
        documents.add(firstFunction.toString());
        ObjectNode second = segment(trace, invoke.get("id").asText(), "MySecondLambda", "AWS::Lambda", t + 0.006,
                t + seconds - 0.006);
        second.putObject("http").putObject("response").put("status", 200);
        documents.add(second.toString());
        ObjectNode secondFunction = segment(trace, second.get("id").asText(), "MySecondLambda",
                "AWS::Lambda::Function", t + 0.007, t + seconds - 0.007);
        function(secondFunction, "MySecondLambda");
        ObjectNode invocation = sub(secondFunction, "Invocation", t + 0.008, t + seconds - 0.008);
        if (fault) {
            secondFunction.put("fault", true);
            invocation.put("fault", true);
            ((ObjectNode) secondFunction.get("aws")).putObject("ec2").put("availability_zone", "us-east-1a")
                    .put("instance_id", "i-0abc123");
            invocation.putObject("cause").put("working_directory", "/var/task").putArray("exceptions").addObject()
                    .put("id", "e000000000000001").put("type", "java.lang.IllegalStateException")
                    .put("message", "order o-42 not stored");
        } else {
            ObjectNode dynamo = sub(invocation, "DynamoDB", t + 0.01, t + 0.02).put("namespace", "aws");
            dynamo.putObject("aws").put("operation", "GetItem").put("table_name", "orders");
            ObjectNode sns = sub(invocation, "SNS", t + 0.03, t + 0.25).put("namespace", "aws");
            sns.putObject("aws").put("operation", "Publish").put("topic_arn", "arn:aws:sns:us-east-1:" + ACCOUNT
                    + ":order-events");
        }
        documents.add(secondFunction.toString());
    }

    private static void function(ObjectNode segment, String name) {
        String arn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
        segment.put("resource_arn", arn).putObject("aws").put("account_id", ACCOUNT).put("function_arn", arn);
    }

    private ObjectNode segment(String trace, String parent, String name, String origin, double start, double end) {
        ObjectNode node = JSON.createObjectNode().put("name", name).put("id", id()).put("trace_id", trace)
                .put("start_time", start).put("end_time", end).put("origin", origin);
        if (parent != null) {
            node.put("parent_id", parent);
        }
        return node;
    }

    private ObjectNode sub(ObjectNode parent, String name, double start, Double end) {
        ObjectNode node = (parent.has("subsegments") ? (com.fasterxml.jackson.databind.node.ArrayNode)
                parent.get("subsegments") : parent.putArray("subsegments")).addObject();
        node.put("name", name).put("id", id()).put("start_time", start);
        if (end != null) {
            node.put("end_time", end);
        } else {
            node.put("in_progress", true);
        }
        return node;
    }

    private String id() {
        return String.format("%016x", ++ids);
    }
}
