// Asks a Kafka cluster for its metadata (Admin.describeCluster) and exits 0 when it answers with at
// least one broker, 1 otherwise. Run as a single-file source program on the broker's own classpath:
//   java -cp 'libs/*' KafkaReady.java 127.0.0.1:9092 5000
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

public class KafkaReady {
  public static void main(String[] args) throws Exception {
    String brokers = args[0];
    int timeoutMs = Integer.parseInt(args.length > 1 ? args[1] : "5000");
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    try (Admin admin = Admin.create(props)) {
      int nodes = admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
      System.out.println("cluster " + brokers + " answered with " + nodes + " broker(s)");
      System.exit(nodes > 0 ? 0 : 1);
    } catch (Exception e) {
      System.err.println("cluster " + brokers + " did not answer: " + e.getMessage());
      System.exit(1);
    }
  }
}
