package io.apath.classifier.training;

import io.apath.classifier.encoder.BgeSmallEncoder;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Throwaway: embeds every example text once, writes floats in example order. */
public class EmbedAll {
    public static void main(String[] args) throws Exception {
        List<Example> examples = Corpora.readDirectory(Path.of(args[0]), List.of());
        int threads = Integer.parseInt(args[2]);
        Embeddings emb = new Embeddings(new BgeSmallEncoder(1), threads);
        long t0 = System.nanoTime();
        List<String> texts = examples.stream().map(Example::text).toList();
        int chunk = 2000;
        for (int i = 0; i < texts.size(); i += chunk) {
            emb.prefetch(texts.subList(i, Math.min(texts.size(), i + chunk)));
            System.err.printf("%d/%d %.1fs%n", Math.min(texts.size(), i + chunk), texts.size(), (System.nanoTime() - t0) / 1e9);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20))) {
            out.writeInt(examples.size());
            out.writeInt(emb.dimension());
            for (Example e : examples) {
                for (float f : emb.of(e.text())) out.writeFloat(f);
            }
        }
        System.err.printf("done %d examples, %d distinct, %.1fs%n", examples.size(), emb.size(), (System.nanoTime() - t0) / 1e9);
    }
}
