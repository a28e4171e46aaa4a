package cn.xinfang.petition.bench;

import java.util.Arrays;

/**
 * Latencies of one measured operation, in nanoseconds, and their percentiles. Thread-safe: the
 * senders of a scenario record into one instance. Percentiles are nearest-rank over all samples
 * (no histogram buckets): the sample counts here are small enough to keep every one.
 */
final class Stats {

    /** Percentiles in milliseconds. */
    record Summary(long count, double p50, double p99, double max, double mean, double p90, double p95, double p999) {
    }

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** Times {@code action} and records it. */
    <T> T time(java.util.concurrent.Callable<T> action) throws Exception {
        long start = System.nanoTime();
        T result = action.call();
        add(System.nanoTime() - start);
        return result;
    }

    synchronized int count() {
        return size;
    }

    synchronized Summary summary() {
        if (size == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return new Summary(size, ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[size - 1]), ms(sum / size),
                ms(percentile(sorted, 90)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99.9)));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
