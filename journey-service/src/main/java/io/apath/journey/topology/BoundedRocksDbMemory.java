package io.apath.journey.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of this JVM (the {@code journeys}, timer, erasure and correlation stores
 * of every task): a shared block cache that also accounts for the memtables, index and filter blocks. Without it,
 * each of the 24 store instances (4 stores × 6 partitions) gets Kafka Streams' defaults — its own 50 MiB block cache
 * and up to three 16 MiB memtables — and journey's off-heap memory grows with the state instead of staying bounded.
 *
 * <p>Set with {@code rocksdb.config.setter}; the budget comes from {@value #TOTAL_BYTES} (default 64 MiB) and the
 * share of it that memtables may fill from {@value #MEMTABLE_BYTES} (default 16 MiB), both in the Streams
 * configuration. The first store opened fixes them for the JVM.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String TOTAL_BYTES = "apath.rocksdb.total-bytes";
    public static final String MEMTABLE_BYTES = "apath.rocksdb.memtable-bytes";
    static final long DEFAULT_TOTAL_BYTES = 64L << 20;
    static final long DEFAULT_MEMTABLE_BYTES = 16L << 20;
    private static final long WRITE_BUFFER_BYTES = 4L << 20;
    private static final long BLOCK_BYTES = 16L << 10;
    private static final double HIGH_PRIORITY_RATIO = 0.2;

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

    private static Shared shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared budget = shared(configs);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(budget.cache());
        table.setBlockSize(BLOCK_BYTES);
        // Index and filter blocks live in the same budget, pinned at high priority so lookups stay cheap.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(budget.writeBuffers());
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed here.
    }

    private static synchronized Shared shared(Map<String, Object> configs) {
        if (shared == null) {
            long total = bytes(configs, TOTAL_BYTES, DEFAULT_TOTAL_BYTES);
            long memtables = Math.min(total / 2, bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES));
            Cache cache = new LRUCache(total, -1, false, HIGH_PRIORITY_RATIO);
            shared = new Shared(cache, new WriteBufferManager(memtables, cache));
        }
        return shared;
    }

    static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        long bytes = Long.parseLong(value.toString().trim());
        if (bytes <= 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + bytes);
        }
        return bytes;
    }
}
