package io.apath.classifier.training;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.*;
import java.io.*;
import java.nio.LongBuffer;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Throwaway: model2vec-style static token vectors from bge-small, then SIF-weighted mean sentence vectors. */
public class StaticVectors {
    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        ClassLoader cl = StaticVectors.class.getClassLoader();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        OrtSession session = env.createSession(cl.getResourceAsStream("bge-small-en-v1.5-q.onnx").readAllBytes(), o);
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(cl.getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json"),
                Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
        int V = 30522, D = 384;
        float[][] clsVec = new float[V][], tokVec = new float[V][];
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, V).parallel().forEach(id -> {
            long[] ids = {101, id, 102};
            long[] shape = {1, 3};
            try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[]{1, 1, 1}), shape);
                 OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[]{0, 0, 0}), shape);
                 OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", t))) {
                float[][] h = ((float[][][]) r.get(0).getValue())[0];
                clsVec[id] = h[0];
                tokVec[id] = h[1];
            } catch (OrtException e) { throw new RuntimeException(e); }
            if (done.incrementAndGet() % 5000 == 0) System.err.printf("%d tokens %.1fs%n", done.get(), (System.nanoTime() - t0) / 1e9);
        });
        List<Example> examples = Corpora.readDirectory(Path.of(args[0]), List.of());
        long[][] encoded = new long[examples.size()][];
        double[] freq = new double[V];
        double total = 0;
        for (int i = 0; i < examples.size(); i++) {
            String text = examples.get(i).text();
            Encoding e = tok.encode(text == null ? "" : text);
            encoded[i] = e.getIds();
            for (long id : encoded[i]) { if (id != 101 && id != 102) { freq[(int) id]++; total++; } }
        }
        System.err.printf("tokenised %.1fs%n", (System.nanoTime() - t0) / 1e9);
        double a = 1e-3;
        for (String kind : new String[]{"cls", "tok"}) {
            float[][] vec = kind.equals("cls") ? clsVec : tokVec;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[1] + "-" + kind + ".bin")), 1 << 20))) {
                out.writeInt(examples.size());
                out.writeInt(D);
                for (int i = 0; i < examples.size(); i++) {
                    double[] s = new double[D];
                    for (long id : encoded[i]) {
                        if (id == 101 || id == 102) continue;
                        double w = a / (a + freq[(int) id] / total);
                        float[] v = vec[(int) id];
                        for (int j = 0; j < D; j++) s[j] += w * v[j];
                    }
                    double norm = 0;
                    for (double x : s) norm += x * x;
                    norm = norm == 0 ? 1 : Math.sqrt(norm);
                    for (int j = 0; j < D; j++) out.writeFloat((float) (s[j] / norm));
                }
            }
        }
        System.err.printf("done %.1fs%n", (System.nanoTime() - t0) / 1e9);
    }
}
