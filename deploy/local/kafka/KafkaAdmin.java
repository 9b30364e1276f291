/*
 * Tiny admin helper of the local stack (not part of the Maven build). Compiled by
 * ./passerelle against the broker's jars (.local/dist/kafka-<version>/) and run as
 *   java -cp <classes>:<dist>/* KafkaAdmin <bootstrap> ping
 *   java -cp <classes>:<dist>/* KafkaAdmin <bootstrap> ensure-topics <partitions> <topic>...
 * Exit status 0 on success, 1 on failure (message on stderr).
 */
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

public final class KafkaAdmin {
    private KafkaAdmin() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaAdmin <bootstrap> ping | ensure-topics <partitions> <topic>...");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "passerelle-local-admin");
        try (Admin admin = Admin.create(props)) {
            switch (args[1]) {
                case "ping" -> {
                    int nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
                    String cluster = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                    System.out.println("cluster " + cluster + ", " + nodes + " broker(s)");
                }
                case "ensure-topics" -> ensureTopics(admin, Integer.parseInt(args[2]),
                        List.of(args).subList(3, args.length));
                default -> {
                    System.err.println("unknown command " + args[1]);
                    System.exit(2);
                }
            }
        } catch (ExecutionException e) {
            System.err.println("kafka admin call failed: " + e.getCause());
            System.exit(1);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("kafka admin call timed out");
            System.exit(1);
        }
    }

    private static void ensureTopics(Admin admin, int partitions, List<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String t : topics) {
            if (!existing.contains(t)) {
                missing.add(new NewTopic(t, partitions, (short) 1));
            }
        }
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e
                : admin.createTopics(missing).values().entrySet()) {
            try {
                e.getValue().get(15, TimeUnit.SECONDS);
                created.add(e.getKey());
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw ex;
                }
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
        for (String t : topics) {
            int p = described.get(t).partitions().size();
            if (p < partitions) {
                System.err.println("warning: topic " + t + " has " + p + " partition(s), expected " + partitions);
            }
        }
        System.out.println(created.isEmpty() ? "all " + topics.size() + " topics exist"
                : "created " + String.join(", ", created) + "; " + topics.size() + " topics exist");
    }
}
