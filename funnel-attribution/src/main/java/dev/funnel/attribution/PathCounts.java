package dev.funnel.attribution;

import dev.funnel.core.Journey;
import dev.funnel.core.JourneyPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sufficient statistic of every path-based model: for each channel path, its conversions,
 * exact conversion value and null journeys. A mergeable partial state, so attribution can run over
 * partitions and combine: {@link #empty()}, {@code add}, {@link #merge}, then {@link #paths()} or
 * {@link JourneySet#fromCounts}. Merging is exact (long counts, BigDecimal value) and order-free.
 *
 * <p>{@link #toBytes()} is a stable byte form (a version byte, then the paths in path-text order),
 * so two equal states give equal bytes. This object is a mutable accumulator and not thread-safe:
 * give each thread its own and merge them.
 */
public final class PathCounts {

  /** Version of the byte form. */
  static final byte VERSION = 1;

  private static final class Cell {
    long conversions;
    BigDecimal value = BigDecimal.ZERO;
    long nulls;
  }

  private final Map<List<String>, Cell> cells = new HashMap<>();

  private PathCounts() {}

  /** An empty state. */
  public static PathCounts empty() {
    return new PathCounts();
  }

  /**
   * Adds journeys on one path.
   *
   * @throws IllegalArgumentException on an empty path, a blank channel or negative counts
   */
  public PathCounts add(List<String> channels, long conversions, BigDecimal value, long nulls) {
    JourneyPath checked = new JourneyPath(channels, conversions, value, nulls);
    Cell c = cells.computeIfAbsent(checked.channels(), k -> new Cell());
    c.conversions = Math.addExact(c.conversions, conversions);
    c.value = c.value.add(checked.value());
    c.nulls = Math.addExact(c.nulls, nulls);
    return this;
  }

  /** Adds one row of the paths table. */
  public PathCounts add(JourneyPath path) {
    return add(path.channels(), path.conversions(), path.value(), path.nulls());
  }

  /**
   * Adds one journey: one conversion with its value, or one null journey. A journey without touches
   * has no path and is ignored.
   */
  public PathCounts add(Journey journey) {
    if (journey.touches().isEmpty()) {
      return this;
    }
    return journey.converted()
        ? add(journey.channels(), 1, journey.value(), 0)
        : add(journey.channels(), 0, BigDecimal.ZERO, 1);
  }

  /** Adds every count of {@code other} into this state; returns this. */
  public PathCounts merge(PathCounts other) {
    for (Map.Entry<List<String>, Cell> e : other.cells.entrySet()) {
      Cell o = e.getValue();
      add(e.getKey(), o.conversions, o.value, o.nulls);
    }
    return this;
  }

  /** Number of distinct paths. */
  public int size() {
    return cells.size();
  }

  /** The paths with their counts, sorted by path text: the {@code paths} table. */
  public List<JourneyPath> paths() {
    List<JourneyPath> out = new ArrayList<>(cells.size());
    for (Map.Entry<List<String>, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      out.add(new JourneyPath(e.getKey(), c.conversions, c.value, c.nulls));
    }
    out.sort(Comparator.comparing(JourneyPath::pathText).thenComparing(p -> p.channels().toString()));
    return out;
  }

  /** The stable byte form: version byte, path count, then each path and its counts in path order. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      List<JourneyPath> ps = paths();
      out.writeInt(ps.size());
      for (JourneyPath p : ps) {
        out.writeInt(p.channels().size());
        for (String c : p.channels()) {
          out.writeUTF(c);
        }
        out.writeLong(p.conversions());
        BigDecimal v = p.value();
        out.writeInt(v.scale());
        byte[] unscaled = v.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeLong(p.nulls());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads the byte form of {@link #toBytes()}.
   *
   * @throws IllegalArgumentException on an unknown version or malformed bytes
   */
  public static PathCounts fromBytes(byte[] data) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("path counts bytes are empty");
    }
    if (data[0] != VERSION) {
      throw new IllegalArgumentException(
          "path counts bytes have version " + data[0] + ", this library reads version " + VERSION);
    }
    PathCounts pc = empty();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      in.readByte();
      int n = in.readInt();
      if (n < 0) {
        throw new IllegalArgumentException("path counts bytes are malformed (negative size)");
      }
      for (int i = 0; i < n; i++) {
        int k = in.readInt();
        if (k <= 0 || k > data.length) {
          throw new IllegalArgumentException("path counts bytes are malformed (path length " + k + ")");
        }
        List<String> ch = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
          ch.add(in.readUTF());
        }
        long conv = in.readLong();
        int scale = in.readInt();
        int len = in.readInt();
        if (len <= 0 || len > data.length) {
          throw new IllegalArgumentException("path counts bytes are malformed (value length " + len + ")");
        }
        byte[] unscaled = new byte[len];
        in.readFully(unscaled);
        long nulls = in.readLong();
        pc.add(ch, conv, new BigDecimal(new BigInteger(unscaled), scale), nulls);
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("path counts bytes have trailing data");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("path counts bytes are truncated or malformed", e);
    }
    return pc;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathCounts p && p.paths().equals(paths());
  }

  @Override
  public int hashCode() {
    return paths().hashCode();
  }

  @Override
  public String toString() {
    return "PathCounts[" + cells.size() + " paths]";
  }
}
