package dev.funnel.io;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Two threads over one file: a producer (the parser) {@link #put}s rows in batches, the calling
 * thread takes the batches in order and applies each row. Bounded (a few batches in flight), so
 * memory does not grow with the file; a failure on either side stops both and is rethrown on the
 * calling thread as it was thrown, so callers see the exceptions of a sequential read.
 */
final class RowPipeline<R> {

  private static final int BATCH = 4096;
  private static final Object[] END = new Object[0];

  private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(4);
  private Object[] batch = new Object[BATCH];
  private int size;
  private volatile boolean stopped;
  private volatile Throwable failure;

  /** Adds a row (producer thread). */
  void put(R row) {
    batch[size++] = row;
    if (size == BATCH) {
      hand(batch);
      batch = new Object[BATCH];
      size = 0;
    }
  }

  private void hand(Object[] b) {
    try {
      while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
        if (stopped) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  /** Thrown on the producer when the consumer has given up; never escapes. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs {@code produce} on a new daemon thread and applies its rows here, in order.
   *
   * @throws RuntimeException or Error: the first failure of either side, as thrown
   */
  @SuppressWarnings("unchecked")
  void run(Runnable produce, Consumer<R> apply, String name) {
    Thread t = new Thread(() -> {
      try {
        produce.run();
        if (size > 0) {
          Object[] last = new Object[size];
          System.arraycopy(batch, 0, last, 0, size);
          hand(last);
        }
      } catch (Stopped s) {
        return;
      } catch (Throwable e) {
        failure = e;
      }
      try {
        hand(END);
      } catch (Stopped s) {
        // the consumer has already given up
      }
    }, name);
    t.setDaemon(true);
    t.start();
    boolean done = false;
    try {
      while (true) {
        Object[] b = queue.take();
        if (b == END) {
          break;
        }
        for (Object row : b) {
          apply.accept((R) row);
        }
      }
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } finally {
      if (!done) {
        stopped = true;
      }
      join(t);
    }
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  /** Waits for a thread to end, keeping the caller's interrupt status. */
  static void join(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
