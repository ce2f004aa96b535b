package io.apath.classifier.training;

import io.apath.classifier.model.SentenceEncoder;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence embeddings of training texts, each distinct text encoded once and kept, so cross-validation folds share
 * them (the encoder is fixed, not trained, so this leaks nothing between folds). Texts are encoded on {@code threads}
 * threads; each vector is the same whichever thread computed it.
 */
public final class Embeddings implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private final int threads;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public Embeddings(SentenceEncoder encoder, int threads) {
        this.encoder = encoder;
        this.threads = Math.max(1, threads);
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public float[] embed(String text) {
        return of(text);
    }

    /** Encodes every text not yet known, in parallel. */
    public void prefetch(Collection<String> texts) {
        List<String> missing = new LinkedHashSet<>(
                        texts.stream().map(Embeddings::key).toList())
                .stream().filter(t -> !vectors.containsKey(t)).toList();
        if (missing.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = missing.stream()
                    .<Future<?>>map(t -> pool.submit(() -> vectors.put(t, encoder.embed(t))))
                    .toList();
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public float[] of(String text) {
        return vectors.computeIfAbsent(key(text), encoder::embed);
    }

    public int size() {
        return vectors.size();
    }

    private static String key(String text) {
        return text == null ? "" : text;
    }
}
