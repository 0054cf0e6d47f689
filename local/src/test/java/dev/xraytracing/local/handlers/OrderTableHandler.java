package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A function as users write them: saves an order in the table {@code TABLE_NAME} with an unmodified DynamoDB client,
 * answers 201, or 502 (with the error code and the attempts made) when DynamoDB refuses the call.
 */
public final class OrderTableHandler
        extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final String table = System.getenv("TABLE_NAME");
    /** Endpoint, region and credentials from the environment, as in Lambda. */
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(Map.of("id", AttributeValue.fromS(context.getAwsRequestId()))));
            return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody("saved");
        } catch (AwsServiceException refused) {
            return new APIGatewayProxyResponseEvent().withStatusCode(502).withBody("not saved: "
                    + refused.awsErrorDetails().errorCode() + " after " + refused.numAttempts() + " attempt(s)");
        }
    }
}
