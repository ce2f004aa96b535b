package io.apath.reliability.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives valid mentions through ingest's HTTP API at a steady rate, as a well-behaved client would: a mention that is
 * not answered 202 is sent again, unchanged (same native id, so the same mention id), until it is or the client gives
 * up. Every attempt's status is recorded with its time, so the checker can ask what ingest answered while the broker
 * was down, and which mentions were acknowledged at all.
 *
 * <p>Texts are chosen to be plainly about the brand (praise, a question, purchase intent), so every mention counts in
 * its customer's journey; each carries a marker word and each author a marker handle, so logs can be searched for them.
 */
public final class MentionLoad implements AutoCloseable {

    public static final String PLATFORM = "mastodon";
    public static final String TEXT_MARKER = "zqxmarker";
    public static final String HANDLE_MARKER = "zqxhandle";
    /** Status recorded for an attempt without an HTTP answer. */
    public static final int NO_ANSWER = -1;

    public static final int TIMEOUT = -2;

    private static final List<String> TEXTS = List.of(
            "Love the new app, thanks for the great update! " + TEXT_MARKER,
            "How do I change my delivery address? " + TEXT_MARKER,
            "I want to buy the family plan, where do I order it? " + TEXT_MARKER,
            "Thank you for the amazing support today " + TEXT_MARKER,
            "Can you help me with my order? " + TEXT_MARKER);

    private final URI endpoint;
    private final Map<String, String> apiKeysByTenant;
    private final List<String> tenants;
    private final int customersPerTenant;
    private final String runId;
    private final Duration giveUpAfter;
    private final HttpClient http;
    private final ExecutorService workers;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong inFlight = new AtomicLong();
    private final Instant createdBase =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    public MentionLoad(
            URI endpoint,
            Map<String, String> apiKeysByTenant,
            int customersPerTenant,
            String runId,
            int concurrency,
            Duration giveUpAfter) {
        this.endpoint = endpoint;
        this.apiKeysByTenant = Map.copyOf(apiKeysByTenant);
        this.tenants = apiKeysByTenant.keySet().stream().sorted().toList();
        this.customersPerTenant = customersPerTenant;
        this.runId = runId;
        this.giveUpAfter = giveUpAfter;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(2))
                .build();
    }

    /** Starts sending {@code perSecond} new mentions a second until {@link #stop()}. */
    public void start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        pacer.scheduleAtFixedRate(this::submitNext, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Stops sending new mentions; those in flight go on until acknowledged or given up. */
    public void stop() {
        pacer.shutdownNow();
    }

    /** Waits for every mention in flight to end one way or the other. */
    public boolean awaitSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleep(100);
        }
        return inFlight.get() == 0;
    }

    /** Prefix of every author id and native id this load used. */
    public String runId() {
        return runId;
    }

    public List<Submission> submissions() {
        return List.copyOf(submissions.values());
    }

    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private void submitNext() {
        int n = sequence.getAndIncrement();
        String tenant = tenants.get(n % tenants.size());
        int customer = (n / tenants.size()) % customersPerTenant;
        String authorId = runId + "-c" + customer;
        String nativeId = runId + "-m" + n;
        String text = TEXTS.get(n % TEXTS.size());
        String body = "{\"tenant\":\"" + tenant + "\",\"platform\":\"" + PLATFORM + "\",\"nativeId\":\"" + nativeId
                + "\",\"kind\":\"POST\",\"author\":{\"id\":\"" + authorId + "\",\"handle\":\"" + HANDLE_MARKER
                + customer + "\",\"displayName\":\"Reliability " + customer + "\"},\"text\":\"" + text
                + "\",\"lang\":\"en\",\"createdAt\":\"" + createdBase.plusSeconds(n) + "\"}";
        Submission submission = new Submission(tenant, nativeId, tenant + ":" + PLATFORM + ":" + authorId);
        submissions.put(submission.key(), submission);
        inFlight.incrementAndGet();
        workers.execute(() -> {
            try {
                deliver(submission, body);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void deliver(Submission submission, String body) {
        long giveUpAt = System.nanoTime() + giveUpAfter.toNanos();
        long backoffMillis = 100;
        while (true) {
            int status = post(body, apiKeysByTenant.get(submission.tenant()));
            if (status == 202) {
                submission.acked = true;
                return;
            }
            if (status >= 400 && status < 500 && status != 429 && status != 408) {
                submission.rejectedWith = status; // a valid mention refused: a bug, and no use sending it again
                return;
            }
            if (System.nanoTime() > giveUpAt) {
                submission.gaveUp = true;
                return;
            }
            sleep(backoffMillis);
            backoffMillis = Math.min(2_000, backoffMillis * 2);
        }
    }

    private int post(String body, String apiKey) {
        long started = System.currentTimeMillis();
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            status = TIMEOUT;
        } catch (IOException e) {
            status = NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = NO_ANSWER;
        }
        attempts.add(new Attempt(started, System.currentTimeMillis(), status));
        return status;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // client back-off between retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        workers.shutdownNow();
    }

    /** One mention the client wanted delivered. */
    public static final class Submission {
        private final String tenant;
        private final String nativeId;
        private final String customerKey;
        volatile boolean acked;
        volatile boolean gaveUp;
        volatile int rejectedWith;

        Submission(String tenant, String nativeId, String customerKey) {
            this.tenant = tenant;
            this.nativeId = nativeId;
            this.customerKey = customerKey;
        }

        public String tenant() {
            return tenant;
        }

        public String nativeId() {
            return nativeId;
        }

        public String customerKey() {
            return customerKey;
        }

        /** tenant|platform|nativeId: what identifies a mention on every topic, whatever id ingest derives. */
        public String key() {
            return mentionKey(tenant, PLATFORM, nativeId);
        }

        public boolean acked() {
            return acked;
        }

        public boolean gaveUp() {
            return gaveUp;
        }

        public int rejectedWith() {
            return rejectedWith;
        }
    }

    public static String mentionKey(String tenant, String platform, String nativeId) {
        return tenant + "|" + platform + "|" + nativeId;
    }

    /** One HTTP attempt: when it was sent and answered, and the status (or {@link #NO_ANSWER}, {@link #TIMEOUT}). */
    public record Attempt(long sentAtMillis, long answeredAtMillis, int status) {}
}
