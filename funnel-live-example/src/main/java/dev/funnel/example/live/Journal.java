package dev.funnel.example.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's state on disk: the last checkpoint ({@code checkpoint.bin}, the live funnel's
 * versioned byte form) and a write-ahead log of what was acknowledged since ({@code events.wal}),
 * so that nothing acknowledged is lost in a crash and nothing is counted twice after it.
 *
 * <p>The log is text, one record a line: {@code E} and an event line as received, {@code C} and
 * the number of event lines it commits (one accepted batch: its events, then its commit, written
 * with one write and forced to disk before the batch is acknowledged), {@code A} and the instant
 * the clock was advanced to. Reading it back keeps committed batches and advances only: a batch
 * cut short by a crash (no commit line, or a last line without its line end) was never
 * acknowledged and is dropped.
 *
 * <p>A checkpoint is written to {@code checkpoint.bin.tmp}, forced, moved over
 * {@code checkpoint.bin} in one atomic step and only then the log emptied; a crash between the two
 * leaves a log whose records the checkpoint already holds, and replaying them changes nothing
 * (events are idempotent by identity and version; an advance to an instant the clock has passed is
 * skipped). Not thread-safe: the service calls it under its lock.
 */
final class Journal implements AutoCloseable {

  /** One record of the log. */
  sealed interface Entry {}

  /** An accepted batch: its event lines. */
  record Batch(List<String> lines) implements Entry {}

  /** The clock advanced. */
  record Advance(Instant to) implements Entry {}

  private final Path checkpoint;
  private final Path temp;
  private final Path dir;
  private final FileChannel log;

  /** Opens (creating the directory and the log when missing) the state in {@code dir}. */
  Journal(Path dir) {
    this.dir = dir;
    this.checkpoint = dir.resolve("checkpoint.bin");
    this.temp = dir.resolve("checkpoint.bin.tmp");
    try {
      Files.createDirectories(dir);
      this.log = FileChannel.open(dir.resolve("events.wal"), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      log.position(log.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the state directory " + dir, e);
    }
  }

  /** The last checkpoint's bytes, or null when none was written. */
  byte[] checkpoint() {
    try {
      return Files.exists(checkpoint) ? Files.readAllBytes(checkpoint) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checkpoint, e);
    }
  }

  /**
   * The committed records of the log, in order.
   *
   * @throws IllegalStateException when the log is not one this class wrote
   */
  List<Entry> entries() {
    String text;
    try {
      ByteBuffer buf = ByteBuffer.allocate((int) log.size());
      log.read(buf, 0);
      text = new String(buf.array(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the write-ahead log", e);
    }
    List<Entry> out = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    int end = text.lastIndexOf('\n'); // a last line without its end was cut short
    String[] lines = end < 0 ? new String[0] : text.substring(0, end).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("E ")) {
        pending.add(l.substring(2));
      } else if (l.startsWith("C ")) {
        if (!l.substring(2).equals(Integer.toString(pending.size()))) {
          throw corrupt(i, "the commit counts " + l.substring(2) + " events, the log has "
              + pending.size());
        }
        out.add(new Batch(List.copyOf(pending)));
        pending.clear();
      } else if (l.startsWith("A ") && pending.isEmpty()) {
        try {
          out.add(new Advance(Instant.parse(l.substring(2))));
        } catch (DateTimeParseException e) {
          throw corrupt(i, "'" + l.substring(2) + "' is not an instant");
        }
      } else {
        throw corrupt(i, "not a record of the log");
      }
    }
    return out;
  }

  private static IllegalStateException corrupt(int line, String why) {
    return new IllegalStateException("events.wal line " + (line + 1) + ": " + why
        + "; the log was not written by this service");
  }

  /** Logs an accepted batch and forces it to disk. */
  void append(List<String> eventLines) {
    StringBuilder b = new StringBuilder();
    for (String l : eventLines) {
      b.append("E ").append(l).append('\n');
    }
    b.append("C ").append(eventLines.size()).append('\n');
    write(b.toString());
  }

  /** Logs a clock advance and forces it to disk. */
  void advance(Instant to) {
    write("A " + to + "\n");
  }

  private void write(String s) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        log.write(buf);
      }
      log.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the write-ahead log", e);
    }
  }

  /** Whether the log holds records since the last checkpoint. */
  boolean dirty() {
    try {
      return log.size() > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the checkpoint atomically with {@code bytes}, then empties the log. */
  void checkpoint(byte[] bytes) {
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
      }
      try {
        Files.move(temp, checkpoint, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + dir + " cannot replace a file atomically",
            e);
      }
      forceDirectory();
      log.truncate(0);
      log.position(0);
      log.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint in " + dir, e);
    }
  }

  /** Makes the rename durable where the platform allows opening a directory (Linux, macOS). */
  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory; its rename is durable on its own
    }
  }

  @Override
  public void close() {
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
