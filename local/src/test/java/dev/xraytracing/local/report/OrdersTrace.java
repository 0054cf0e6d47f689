package dev.xraytracing.local.report;

import java.util.List;

/**
 * One more trace beside the recorded run, with what a console has to show: a POST answered 502, a fan-out to SQS,
 * DynamoDB and S3 (named by queue, table and bucket), metadata, and an exception with stack frames and a cause.
 */
final class OrdersTrace {
    static final String TRACE_ID = "1-6b08bf00-0123456789abcdef01234567";

    private OrdersTrace() {
    }

    static List<String> documents() {
        return List.of("""
                {"name":"api/prod","id":"a000000000000001","trace_id":"%1$s","start_time":1795735300.000,
                 "end_time":1795735300.420,"origin":"AWS::ApiGateway::Stage","fault":true,
                 "http":{"request":{"method":"POST","url":"https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders",
                 "client_ip":"127.0.0.1","user_agent":"curl/8.5.0"},"response":{"status":502}},
                 "subsegments":[{"name":"Lambda","id":"a000000000000002","start_time":1795735300.002,
                 "end_time":1795735300.418,"namespace":"aws","aws":{"operation":"Invoke","function_name":"OrdersLambda"},
                 "http":{"response":{"status":200}}}]}
                """.formatted(TRACE_ID), """
                {"name":"OrdersLambda","id":"a000000000000003","trace_id":"%1$s","parent_id":"a000000000000002",
                 "start_time":1795735300.004,"end_time":1795735300.416,"origin":"AWS::Lambda::Function","fault":true,
                 "cause":"e000000000000001",
                 "subsegments":[{"name":"Invocation","id":"a000000000000004","start_time":1795735300.005,
                 "end_time":1795735300.414,"fault":true,"cause":"e000000000000001",
                 "subsegments":[{"name":"PlaceOrder","id":"a000000000000005","start_time":1795735300.006,
                 "end_time":1795735300.410,"fault":true,
                 "annotations":{"orderId":"o-42","items":3,"express":true},
                 "metadata":{"orders":{"order":{"id":"o-42","lines":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}]}},
                 "debug":{"retries":0}},
                 "cause":{"working_directory":"/var/task","exceptions":[
                  {"id":"e000000000000001","type":"java.lang.IllegalStateException","message":"order o-42 not stored",
                   "cause":"e000000000000002","stack":[
                    {"path":"OrdersHandler.java","line":57,"label":"example.OrdersHandler.place"},
                    {"path":"OrdersHandler.java","line":31,"label":"example.OrdersHandler.handleRequest"}]},
                  {"id":"e000000000000002","type":"software.amazon.awssdk.services.s3.model.S3Exception",
                   "message":"Access Denied (Service: S3, Status Code: 403)","remote":true,"stack":[
                    {"path":"AwsXmlPredicatedResponseHandler.java","line":156,
                     "label":"software.amazon.awssdk.protocols.xml.internal.unmarshall.AwsXmlPredicatedResponseHandler.handleResponse"}]}]},
                 "subsegments":[
                  {"name":"SQS","id":"a000000000000006","start_time":1795735300.010,"end_time":1795735300.060,
                   "namespace":"aws","aws":{"operation":"SendMessage","queue_url":"http://127.0.0.1:44165/123456789012/orders",
                   "region":"us-east-1","request_id":"r-1"},"http":{"response":{"status":200}}},
                  {"name":"DynamoDB","id":"a000000000000007","start_time":1795735300.062,"end_time":1795735300.150,
                   "namespace":"aws","aws":{"operation":"PutItem","table_name":"orders-table","region":"us-east-1"},
                   "http":{"response":{"status":200}}},
                  {"name":"S3","id":"a000000000000008","start_time":1795735300.152,"end_time":1795735300.400,
                   "namespace":"aws","error":true,"cause":"e000000000000002",
                   "aws":{"operation":"PutObject","bucket_name":"order-receipts","region":"us-east-1"},
                   "http":{"response":{"status":403}}}]}]}]}
                """.formatted(TRACE_ID));
    }
}
