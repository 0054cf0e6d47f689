package dev.xraytracing.local.internal.services.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.concurrent.duration.FiniteDuration;

/**
 * ElasticMQ, embedded: an SQS server on 127.0.0.1 and a free port, in the run's region and account, so that queue ARNs
 * are the template's. It resolves a queue from the path of any queue URL ({@code /{account}/{name}}), whatever the host,
 * so the AWS-format URLs the template resolved work against it unchanged; and the URLs it hands out itself
 * (CreateQueue, GetQueueUrl, ListQueues) are in AWS's format too.
 */
final class SqsEngine implements AutoCloseable {
    private static final FiniteDuration STOP_BOUND = Duration.create(10, TimeUnit.SECONDS);
    /** Long polls still open when the run stops are cut after this; nothing waits for their 20 seconds. */
    private static final FiniteDuration OPEN_REQUESTS_BOUND = Duration.create(200, TimeUnit.MILLISECONDS);

    private final ActorSystem actors;
    private final Http.ServerBinding binding;

    SqsEngine(String region, String accountId) {
        actors = ActorSystem.create("elasticmq", settings());
        try {
            SQSRestServer server = SQSRestServerBuilder.withActorSystem(actors)
                    .withInterface("127.0.0.1")
                    .withPort(0)
                    .withServerAddress(new AwsQueueUrls(region))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start();
            binding = server.waitUntilStarted();
        } catch (RuntimeException e) {
            actors.terminate();
            throw e;
        }
    }

    /**
     * Pekko's own logging stays quiet (ElasticMQ's jar asks for DEBUG), and its threads are daemons, so that a run
     * that is not closed still ends.
     */
    private static Config settings() {
        return ConfigFactory.parseString("""
                pekko.daemonic = on
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = OFF
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load(SqsEngine.class.getClassLoader()));
    }

    /** Where SDK clients send their requests, e.g. {@code http://127.0.0.1:54321}. */
    String endpoint() {
        return "http://127.0.0.1:" + binding.localAddress().getPort();
    }

    @Override
    public void close() {
        try {
            Await.result(binding.terminate(OPEN_REQUESTS_BOUND), STOP_BOUND);
        } catch (Exception e) {
            // the actor system below stops what is left
        }
        try {
            Await.result(actors.terminate(), STOP_BOUND);
        } catch (Exception e) {
            // its threads are daemons: the JVM ends anyway
        }
    }

    /** The base of the queue URLs ElasticMQ answers with: {@code https://sqs.{region}.amazonaws.com}, no port. */
    private static final class AwsQueueUrls extends NodeAddress {
        private final String base;

        AwsQueueUrls(String region) {
            super("https", "sqs." + region + ".amazonaws.com", 443, "");
            this.base = "https://sqs." + region + ".amazonaws.com";
        }

        @Override
        public String fullAddress() {
            return base;
        }
    }
}
