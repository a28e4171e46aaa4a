package cn.xinfang.petition.app.ops;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The service's background timers: one daemon thread each, named for what it does, so it never holds up a shutdown. */
public final class Timers {

    private Timers() {
    }

    /** A single-threaded scheduler whose thread is a daemon called {@code threadName}. */
    public static ScheduledExecutorService daemon(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
