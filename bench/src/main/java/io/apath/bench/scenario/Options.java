package io.apath.bench.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --name=value} options (repeatable ones collect every value) and {@code --flag}s. */
public final class Options {

    private final Map<String, List<String>> values = new TreeMap<>();

    public static Options parse(List<String> args) {
        Options options = new Options();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return options;
    }

    public boolean flag(String name) {
        return values.containsKey(name) && !values.get(name).get(0).equals("false");
    }

    public String string(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null ? fallback : all.get(all.size() - 1);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)).replace("_", ""));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public List<Integer> integers(String name, String fallback) {
        return Arrays.stream(string(name, fallback).split(","))
                .map(String::trim)
                .map(s -> Integer.parseInt(s.replace("_", "")))
                .toList();
    }

    /** Every option as given, for the record of what was run. */
    public Map<String, List<String>> asMap() {
        return values;
    }
}
