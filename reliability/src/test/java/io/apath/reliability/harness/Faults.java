package io.apath.reliability.harness;

import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import io.apath.reliability.load.MentionLoad.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The faults, each injected mid-stream while a {@link MentionLoad} runs, each returning what it measured. */
public final class Faults {

    /**
     * A response is judged "during the outage" if its request was sent at least this long after the outage began and
     * it was answered before the outage ended (a request that waits out the outage may rightly end in a 202).
     */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private Faults() {}

    /**
     * What ingest answered during an outage, and how long after the outage ended the first mention sent after it was
     * acknowledged again (recovery without anyone touching anything).
     */
    public record Outage(
            String fault,
            long downMillis,
            Map<Integer, Long> statusesDuring,
            Map<Integer, Long> sentDuringAnsweredAfter,
            long slowestAnswerMillis,
            long recoveryMillis) {

        public long acceptedDuring() {
            return statusesDuring.getOrDefault(202, 0L);
        }

        /** 5xx other than 503, timeouts and dropped connections: anything but a clean "not now". */
        public long uncleanDuring() {
            return statusesDuring.entrySet().stream()
                    .filter(e -> e.getKey() != 503 && e.getKey() != 202)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        @Override
        public String toString() {
            return fault + ": down " + downMillis + " ms, ingest answered " + describe(statusesDuring)
                    + " within it (sent in it, answered after: " + describe(sentDuringAnsweredAfter)
                    + "; slowest answer " + slowestAnswerMillis + " ms), first 202 " + recoveryMillis
                    + " ms after recovery";
        }
    }

    /** {@code kill -9} of the broker, {@code down} of nothing, then a restart on the same ports and data. */
    public static Outage brokerKilled(FaultRun run, MentionLoad load, Duration down) {
        return brokerDown(run, load, down, false);
    }

    /**
     * The broker goes away for {@code down}, by {@code kill -9} or by a clean stop (SIGTERM: controlled shutdown, as
     * in a rolling upgrade), then restarts on the same ports and data.
     */
    public static Outage brokerDown(FaultRun run, MentionLoad load, Duration down, boolean graceful) {
        long from = System.currentTimeMillis();
        if (graceful) {
            run.pipeline().broker().stop();
        } else {
            run.pipeline().killBroker();
        }
        FaultRun.hold(down);
        long to = System.currentTimeMillis();
        run.pipeline().startBroker();
        long ready = System.currentTimeMillis();
        return outage(graceful ? "broker SIGTERM + restart" : "broker kill -9 + restart", load, from, to, ready);
    }

    /** A black-hole partition between one service and the broker for {@code down}. */
    public static Outage linkCut(FaultRun run, MentionLoad load, Service service, Duration down) {
        long from = System.currentTimeMillis();
        run.pipeline().link(service).cut();
        FaultRun.hold(down);
        long to = System.currentTimeMillis();
        run.pipeline().link(service).restore();
        return outage(service.module + " ⇹ broker cut", load, from, to, to);
    }

    /** Restart time (kill → ready) of {@code service} after a {@code kill -9}. */
    public static long killed(FaultRun run, Service service) {
        run.pipeline().kill(service);
        return run.pipeline().restart(service).toMillis();
    }

    /** The consumer group's total lag on {@code topic}, from the broker's point of view. */
    public static long lag(FaultRun run, String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, run.pipeline().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .collect(Collectors.toMap(
                                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Outage outage(String fault, MentionLoad load, long from, long to, long recovered) {
        long recovery = firstAckAfter(load, recovered);
        long judgedFrom = from + GRACE.toMillis();
        List<Attempt> sentDuring = load.attempts().stream()
                .filter(a -> a.sentAtMillis() >= judgedFrom && a.sentAtMillis() <= to)
                .toList();
        Map<Integer, Long> answeredAfter = sentDuring.stream()
                .filter(a -> a.answeredAtMillis() > to)
                .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
        long slowest = sentDuring.stream()
                .mapToLong(a -> a.answeredAtMillis() - a.sentAtMillis())
                .max()
                .orElse(0);
        return new Outage(fault, recovered - from, statuses(load, from, to), answeredAfter, slowest, recovery);
    }

    static Map<Integer, Long> statuses(MentionLoad load, long from, long to) {
        long judgedFrom = from + GRACE.toMillis();
        return load.attempts().stream()
                .filter(a -> a.sentAtMillis() >= judgedFrom && a.answeredAtMillis() <= to)
                .collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
    }

    /** Milliseconds from {@code since} to the first 202 for a request sent after it; waits up to 2 minutes. */
    static long firstAckAfter(MentionLoad load, long since) {
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
        while (System.currentTimeMillis() < deadline) {
            var first = load.attempts().stream()
                    .filter(a -> a.sentAtMillis() >= since && a.status() == 202)
                    .mapToLong(Attempt::answeredAtMillis)
                    .min();
            if (first.isPresent()) {
                return first.getAsLong() - since;
            }
            FaultRun.hold(Duration.ofMillis(200));
        }
        return -1;
    }

    public static String describe(Map<Integer, Long> statuses) {
        if (statuses.isEmpty()) {
            return "nothing";
        }
        return statuses.entrySet().stream()
                .map(e -> e.getValue() + "×" + label(e.getKey()))
                .collect(Collectors.joining(" "));
    }

    private static String label(int status) {
        return switch (status) {
            case MentionLoad.NO_ANSWER -> "no-answer";
            case MentionLoad.TIMEOUT -> "timeout";
            default -> Integer.toString(status);
        };
    }
}
