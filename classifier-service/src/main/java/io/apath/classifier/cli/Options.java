package io.apath.classifier.cli;

import io.apath.classifier.training.Trainer.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options after the command; a name may repeat ({@code --corrections a --corrections b}). */
record Options(Map<String, List<String>> values) {

    static Options parse(String[] args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at: " + args[i]);
            }
            values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return new Options(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    String require(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@code --brand-accounts H,H} (comma-separated, may repeat): the brand's own accounts. */
    List<String> brandAccounts() {
        return all("brand-accounts").stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .filter(handle -> !handle.isBlank())
                .toList();
    }

    Settings settings() {
        Settings d = Settings.defaults();
        return new Settings(
                Integer.parseInt(get("bits", String.valueOf(d.bits()))),
                Integer.parseInt(get("min-char", String.valueOf(d.minChar()))),
                Integer.parseInt(get("max-char", String.valueOf(d.maxChar()))),
                Integer.parseInt(get("epochs", String.valueOf(d.epochs()))),
                Float.parseFloat(get("learning-rate", String.valueOf(d.learningRate()))),
                Float.parseFloat(get("l2", String.valueOf(d.l2()))),
                Float.parseFloat(get("sentiment-l2", String.valueOf(d.sentimentL2()))),
                Integer.parseInt(get("bags", String.valueOf(d.bags()))),
                Long.parseLong(get("seed", String.valueOf(d.seed()))));
    }
}
