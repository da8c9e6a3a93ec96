package org.commitmentledger.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples each service's used heap (Micrometer's {@code jvm.memory.used}, area heap) every half second while the
 * benchmarks run, and keeps the highest. Used heap includes garbage not yet collected: an upper bound.
 */
final class HeapWatch implements AutoCloseable {

    private final Map<String, URI> services;
    private final Map<String, Double> highest = new ConcurrentHashMap<>();
    private final LedgerHttp http = new LedgerHttp();
    private final Thread thread;
    private volatile boolean running = true;

    HeapWatch(Map<String, URI> services) {
        this.services = services;
        this.thread = new Thread(this::watch, "heap-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void watch() {
        while (running) {
            services.forEach((name, base) -> {
                try {
                    String metric = http.get(base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"),
                                             LedgerHttp.ADMIN);
                    double used = LedgerHttp.number(metric, "value");
                    highest.merge(name, used, Math::max);
                } catch (Exception e) {
                    // a sample missed while a service is busy is not a result
                }
            });
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest used heap seen per service, in MiB. */
    Map<String, Double> highestMiB() {
        Map<String, Double> mib = new LinkedHashMap<>();
        services.keySet().forEach(name -> mib.put(name, highest.getOrDefault(name, Double.NaN) / 1024 / 1024));
        return mib;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
