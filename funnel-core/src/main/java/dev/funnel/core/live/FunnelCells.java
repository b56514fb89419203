package dev.funnel.core.live;

import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.FunnelState;
import dev.funnel.core.funnel.LeadReach;
import dev.funnel.core.internal.StateBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One standing stage-funnel query kept current lead by lead (docs/live.md, "Answers kept
 * current"): each lead's contribution is its counts per (group, period) cell from its
 * {@link LeadReach}, as {@link FunnelState#add} counts a lead; the totals are the sums of the
 * current contributions, a changed lead's old contribution taken out and its new one put in; the
 * report is the {@link FunnelState} of the totals (its stable byte form, {@link
 * FunnelState#fromBytes}) and its {@link FunnelState#result()}. So an update costs the changed
 * leads and a report the cells, never the history, and the report is the batch one: a state's
 * counts are plain sums over leads (its javadoc), and a cell all of whose counts are zero is left
 * out, as adding leads never makes one.
 */
final class FunnelCells {

  /** The version of {@link FunnelState#toBytes()} this class reads and writes. */
  private static final int VERSION = 1;

  /** A cell: group key and period (granularity name and epoch day; null without periods). */
  private record Cell(List<String> key, String granularity, long day) {}

  private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };
  private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::key, KEY_ORDER)
      .thenComparingLong(Cell::day);

  /**
   * One lead's contribution: its cells and, per cell, the stages it counts there as bits (a lead
   * counts at most once per stage): {@code words} longs per cell, cell after cell.
   */
  private record Part(Cell[] cells, long[] stages) {}

  private final FunnelQuery query;
  private final StageCatalog catalog;
  private final java.time.ZoneId zone;
  private final int stages;
  private final int words;
  /** The byte form of the empty state without its cell count: catalog, zone and query. */
  private final byte[] header;
  private final Map<Cell, long[]> totals = new HashMap<>();
  /** One object per distinct cell, shared by the contributions. */
  private final Map<Cell, Cell> cells = new HashMap<>();
  private final Map<String, Part> parts = new HashMap<>();

  FunnelCells(FunnelQuery query, StageCatalog catalog, java.time.ZoneId zone) {
    this.query = query;
    this.catalog = catalog;
    this.zone = zone;
    this.stages = catalog.progression().size();
    this.words = (stages + 63) >>> 6;
    byte[] empty = FunnelState.empty(catalog, zone, query).toBytes();
    this.header = Arrays.copyOf(empty, empty.length - Integer.BYTES);
  }

  FunnelQuery query() {
    return query;
  }

  /**
   * Replaces the lead's contribution: its lead row (null: none yet) and stage changes. The
   * contribution is the lead's counts under the query's basis, as {@link FunnelState#add} counts
   * a lead (docs/spec/metrics.md, "Counting conventions"): on the event basis +1 for each stage
   * reached inside the window, in the period of its reach time; on the cohort basis, for a lead
   * created inside the window, +1 for each stage reached (within the horizon, when one is set)
   * in the period of its creation.
   */
  void update(String leadId, Lead lead, List<StageChange> changes) {
    Part old = lead == null ? parts.remove(leadId) : parts.get(leadId);
    if (old != null) {
      add(old, -1);
    }
    if (lead == null) {
      return;
    }
    Part p = contribution(lead, LeadReach.of(lead, changes, catalog));
    if (p == null) {
      parts.remove(leadId);
    } else {
      parts.put(leadId, p);
      add(p, 1);
    }
  }

  private Part contribution(Lead lead, LeadReach r) {
    List<String> key = keyOf(lead);
    if (query.basis() == dev.funnel.core.funnel.Basis.EVENT) {
      int n = 0;
      Cell[] distinct = new Cell[stages];
      long[] bits = new long[stages * words];
      for (int k = 0; k < stages; k++) {
        java.time.Instant t = r.reachedAt(k);
        if (t == null) {
          break;
        }
        if (inWindow(t)) {
          Cell c = cellOf(key, t);
          int i = 0;
          while (i < n && distinct[i] != c) {
            i++;
          }
          if (i == n) {
            distinct[n++] = c;
          }
          bits[i * words + (k >>> 6)] |= 1L << k;
        }
      }
      return n == 0 ? null
          : new Part(Arrays.copyOf(distinct, n), Arrays.copyOf(bits, n * words));
    }
    java.time.Instant created = lead.createdAt();
    if (!inWindow(created)) {
      return null;
    }
    java.time.Instant horizon = query.within() == null ? null : created.plus(query.within());
    long[] bits = new long[words];
    boolean any = false;
    for (int k = 0; k < stages; k++) {
      java.time.Instant t = r.reachedAt(k);
      if (t == null || (horizon != null && t.isAfter(horizon))) {
        break;
      }
      bits[k >>> 6] |= 1L << k;
      any = true;
    }
    return any ? new Part(new Cell[] {cellOf(key, created)}, bits) : null;
  }

  private List<String> keyOf(Lead lead) {
    List<dev.funnel.core.funnel.Dimension> by = query.by();
    return by.isEmpty() ? List.of() : by.size() == 1 ? List.of(by.get(0).keyOf(lead))
        : List.of(by.get(0).keyOf(lead), by.get(1).keyOf(lead));
  }

  private boolean inWindow(java.time.Instant t) {
    return (query.from() == null || !t.isBefore(query.from()))
        && (query.to() == null || t.isBefore(query.to()));
  }

  /** The shared cell object of a group key and the period of an instant. */
  private Cell cellOf(List<String> key, java.time.Instant t) {
    Cell c;
    if (query.granularity() == null) {
      c = new Cell(key, null, 0);
    } else {
      dev.funnel.core.Period p = dev.funnel.core.Period.containing(t, query.granularity(), zone);
      c = new Cell(key, query.granularity().name(), p.start().toEpochDay());
    }
    Cell shared = cells.putIfAbsent(c, c);
    return shared == null ? c : shared;
  }

  private void add(Part p, int sign) {
    for (int i = 0; i < p.cells().length; i++) {
      long[] t = totals.computeIfAbsent(p.cells()[i], c -> new long[stages]);
      boolean any = false;
      for (int k = 0; k < stages; k++) {
        if ((p.stages()[i * words + (k >>> 6)] & (1L << k)) != 0) {
          t[k] += sign;
        }
        any |= t[k] != 0;
      }
      if (!any) {
        totals.remove(p.cells()[i]);
      }
    }
  }

  /** The report of the current contributions, as the batch computation gives it. */
  FunnelReport report() {
    List<Cell> sorted = new ArrayList<>(totals.keySet());
    sorted.sort(CELL_ORDER);
    StateBytes.Writer w = new StateBytes.Writer(VERSION);
    w.writeInt(sorted.size());
    for (Cell c : sorted) {
      w.writeInt(c.key().size());
      for (String k : c.key()) {
        w.writeString(k);
      }
      if (c.granularity() == null) {
        w.writeByte(0);
      } else {
        w.writeByte(1).writeString(c.granularity()).writeLong(c.day());
      }
      for (long v : totals.get(c)) {
        w.writeLong(v);
      }
    }
    byte[] cells = w.toByteArray();
    ByteArrayOutputStream all = new ByteArrayOutputStream(header.length + cells.length);
    all.write(header, 0, header.length);
    all.write(cells, 1, cells.length - 1); // without the writer's version byte
    return FunnelState.fromBytes(all.toByteArray()).result();
  }

  /** The leads with a contribution (for the memory estimate). */
  int leads() {
    return parts.size();
  }
}
