import com.fasterxml.jackson.databind.*;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.data.segment.TextSegment;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Embeds every distinct "text" of a JSONL file (args[0]) into args[1] (text \t comma-separated floats). */
public class Embed {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            texts.add(json.readTree(line).get("text").asText());
        }
        Map<String, String> done = new HashMap<>();
        Path out = Path.of(args[1]);
        if (Files.exists(out)) for (String l : Files.readAllLines(out)) { int t = l.lastIndexOf('\t'); done.put(json.readValue(l.substring(0, t), String.class), l); }
        var model = new BgeSmallEnV15QuantizedEmbeddingModel();
        long start = System.nanoTime(); int n = 0;
        try (var w = Files.newBufferedWriter(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String text : texts) {
                if (done.containsKey(text)) continue;
                float[] v = model.embed(TextSegment.from(text.isBlank() ? "." : text)).content().vector();
                StringBuilder sb = new StringBuilder(json.writeValueAsString(text)).append('\t');
                for (int i = 0; i < v.length; i++) { if (i > 0) sb.append(','); sb.append(v[i]); }
                w.write(sb.append('\n').toString());
                n++;
                if (n % 500 == 0) System.err.printf("%d embedded, %.1f ms each%n", n, (System.nanoTime() - start) / 1e6 / n);
            }
        }
        System.err.printf("embedded %d texts in %.1f s (%.1f ms each); dims %d%n", n, (System.nanoTime() - start) / 1e9, n == 0 ? 0 : (System.nanoTime() - start) / 1e6 / n, 384);
    }
}
