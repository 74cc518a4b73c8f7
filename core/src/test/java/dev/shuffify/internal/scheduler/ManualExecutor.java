package dev.shuffify.internal.scheduler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that queues tasks until the test runs them on its own thread. */
final class ManualExecutor implements Executor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
    }

    synchronized int queued() {
        return queue.size();
    }

    /** Runs queued tasks (and tasks they queue) until none is left; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return ran;
            }
            next.run();
            ran++;
        }
    }

    /** Drops every queued task, as a process that dies would. */
    synchronized void discard() {
        queue.clear();
    }
}
