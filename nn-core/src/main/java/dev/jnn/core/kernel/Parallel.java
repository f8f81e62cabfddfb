package dev.jnn.core.kernel;

import dev.jnn.api.Kernels;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed pool of helper threads that run the parts of one kernel call beside the calling thread.
 *
 * <p>Why not an executor: a kernel call takes tens of microseconds, and handing work to a
 * {@code ForkJoinPool} allocates a task object per call; here each helper owns a slot the caller
 * fills, and waits for work by spinning briefly and then parking, so a training step allocates
 * nothing. One caller at a time owns the pool; a second concurrent caller (two trainings at once)
 * runs its call on its own thread instead of waiting.
 *
 * <p>The split of the work is fixed by the caller's part count, and parts write disjoint outputs,
 * so results do not depend on which thread ran which part.
 *
 * <p>The helpers belong to one engine: {@link #close} stops them and waits until they have ended.
 * A call after that runs every part on the caller, with the same results.
 */
final class Parallel implements AutoCloseable {
    // About a millisecond of spinning before parking: long enough to bridge the gaps between the
    // kernel calls of a training step, short enough not to hold a core while nothing runs.
    private static final int SPINS = 1 << 14;

    private final Helper[] helpers;
    private final ReentrantLock owner = new ReentrantLock();

    private volatile boolean closed;

    /** @param name prefix of the helper threads' names, such as {@code "jnn-engine-1f2e3d"} */
    Parallel(int threads, String name) {
        helpers = new Helper[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            // Daemon threads: an engine that is never closed (the shared one) must not keep the JVM alive.
            Thread t = new Thread(helpers[i], name + "-kernel-" + (i + 1));
            t.setDaemon(true);
            helpers[i].self = t;
            t.start();
        }
    }

    /** Stops the helper threads and waits for them to end; idempotent. */
    @Override
    public void close() {
        owner.lock();                                  // no call is using the helpers from here on
        try {
            closed = true;
            for (Helper h : helpers) {
                h.stop();
            }
            for (Helper h : helpers) {
                h.join();
            }
        } finally {
            owner.unlock();
        }
    }

    /** The threads a call may use: the caller and the helpers. */
    int threads() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code task} in {@code parts} parts (at most {@link #threads()}), part 0 on the caller, and
     * returns when all are done. With one part, or when another caller owns the pool, all parts run
     * here, in order.
     */
    void run(Kernels.Part task, int parts) {
        if (parts <= 1 || helpers.length == 0 || !owner.tryLock()) {
            runHere(task, parts);
            return;
        }
        try {
            if (closed) {
                runHere(task, parts);
                return;
            }
            int used = Math.min(parts, threads()) - 1;
            for (int h = 0; h < used; h++) {
                helpers[h].start(task, parts);
            }
            task.run(0, parts);
            for (int h = 0; h < used; h++) {
                helpers[h].await();
            }
        } finally {
            owner.unlock();
        }
    }

    private static void runHere(Kernels.Part task, int parts) {
        for (int p = 0; p < parts; p++) {
            task.run(p, parts);
        }
    }

    /** A helper thread and its one-task mailbox. */
    private static final class Helper implements Runnable {
        private final int part;
        private volatile Kernels.Part task;
        private volatile int parts;
        private volatile boolean done = true;
        private volatile Throwable failure;
        private volatile Thread waiter;
        private volatile Thread self;
        private volatile boolean stopping;

        Helper(int part) {
            this.part = part;
        }

        void start(Kernels.Part t, int n) {
            waiter = Thread.currentThread();
            failure = null;
            done = false;
            parts = n;
            task = t;                          // publishes the fields above
            LockSupport.unpark(self);
        }

        void await() {
            for (int spin = 0; !done; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            Throwable f = failure;
            if (f != null) {
                if (f instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("kernel part failed", f);
            }
        }

        void stop() {
            stopping = true;
            LockSupport.unpark(self);
        }

        void join() {
            boolean interrupted = false;
            while (self.isAlive()) {
                try {
                    self.join();
                } catch (InterruptedException e) {
                    interrupted = true;                // finish closing, then pass the interrupt on
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            while (true) {
                Kernels.Part t;
                for (int spin = 0; (t = task) == null; spin++) {
                    if (stopping) {
                        return;
                    }
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                try {
                    t.run(part, parts);
                } catch (Throwable e) {
                    failure = e;
                }
                task = null;
                done = true;
                LockSupport.unpark(waiter);
            }
        }
    }
}
