package cn.xinfang.petition.app.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Axon's aggregate cache for the case: the most recently used {@code maxEntries} cases, held strongly
 * (a {@link org.axonframework.common.caching.WeakReferenceCache} loses its entries at every young
 * collection under load, so a busy case would be replayed anyway). The cache only saves replaying;
 * {@link CatchingUpCachingRepository} reads whatever another node appended before a cached case
 * decides anything.
 */
final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;

    BoundedAggregateCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
