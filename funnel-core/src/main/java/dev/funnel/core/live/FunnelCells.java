package dev.funnel.core.live;

import dev.funnel.core.Lead;
import dev.funnel.core.StageCatalog;
import dev.funnel.core.StageChange;
import dev.funnel.core.StateBytes;
import dev.funnel.core.funnel.FunnelQuery;
import dev.funnel.core.funnel.FunnelReport;
import dev.funnel.core.funnel.FunnelTally;
import dev.funnel.core.funnel.LeadReach;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One standing stage-funnel query kept current lead by lead: the library's own per-lead step
 * ({@link FunnelTally#add} of the lead's {@link LeadReach}) gives each lead's contribution, read
 * from the tally's stable byte form (docs/live.md, "Answers kept current"); the totals are the
 * sums of the current contributions per (group, period) cell, a changed lead's old contribution
 * taken out and its new one put in; the report is {@link FunnelTally#fromBytes} of the totals,
 * then {@link FunnelTally#result()}. So an update costs the changed leads and a report the cells,
 * never the history, and the report is the batch one: a tally's counts are plain sums over leads
 * (its javadoc), and a cell all of whose counts are zero is left out, as adding leads never makes
 * one.
 */
final class FunnelCells {

  /** The version of {@link FunnelTally#toBytes()} this class reads and writes. */
  private static final int VERSION = 1;
  private static final String WHAT = "funnel tally";

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

  /** One lead's contribution: its cells and their counts. */
  private record Part(Cell[] cells, long[][] counts) {}

  private final FunnelQuery query;
  private final StageCatalog catalog;
  private final java.time.ZoneId zone;
  private final int stages;
  /** The byte form of the empty tally without its cell count: catalog, zone and query. */
  private final byte[] header;
  private final Map<Cell, long[]> totals = new HashMap<>();
  private final Map<String, Part> parts = new HashMap<>();

  FunnelCells(FunnelQuery query, StageCatalog catalog, java.time.ZoneId zone) {
    this.query = query;
    this.catalog = catalog;
    this.zone = zone;
    this.stages = catalog.progression().size();
    byte[] empty = FunnelTally.empty(catalog, zone, query).toBytes();
    this.header = Arrays.copyOf(empty, empty.length - Integer.BYTES);
  }

  FunnelQuery query() {
    return query;
  }

  /** Replaces the lead's contribution: its lead row (null: none yet) and stage changes. */
  void update(String leadId, Lead lead, List<StageChange> changes) {
    Part old = lead == null ? parts.remove(leadId) : parts.get(leadId);
    if (old != null) {
      add(old, -1);
    }
    if (lead == null) {
      return;
    }
    byte[] one = FunnelTally.empty(catalog, zone, query).add(LeadReach.of(lead, changes, catalog))
        .toBytes();
    Part p = parse(one);
    if (p.cells().length == 0) {
      parts.remove(leadId);
    } else {
      parts.put(leadId, p);
      add(p, 1);
    }
  }

  private void add(Part p, int sign) {
    for (int i = 0; i < p.cells().length; i++) {
      long[] t = totals.computeIfAbsent(p.cells()[i], c -> new long[stages]);
      long[] v = p.counts()[i];
      boolean any = false;
      for (int k = 0; k < stages; k++) {
        t[k] += sign * v[k];
        any |= t[k] != 0;
      }
      if (!any) {
        totals.remove(p.cells()[i]);
      }
    }
  }

  /** The cells of a tally's byte form (its header is this query's). */
  private Part parse(byte[] bytes) {
    byte[] tail = new byte[1 + bytes.length - header.length];
    tail[0] = VERSION;
    System.arraycopy(bytes, header.length, tail, 1, bytes.length - header.length);
    StateBytes.Reader r = new StateBytes.Reader(tail, WHAT, VERSION);
    int n = r.readSize("cell count");
    Cell[] cells = new Cell[n];
    long[][] counts = new long[n][];
    for (int i = 0; i < n; i++) {
      int k = r.readSize("key size");
      List<String> key = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        key.add(r.readString("key"));
      }
      String g = null;
      long day = 0;
      if (r.readFlag("period")) {
        g = r.readString("period granularity");
        day = r.readLong();
      }
      cells[i] = new Cell(List.copyOf(key), g, day);
      counts[i] = new long[stages];
      for (int s = 0; s < stages; s++) {
        counts[i][s] = r.readCount("stage count");
      }
    }
    r.end();
    return new Part(cells, counts);
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
    return FunnelTally.fromBytes(all.toByteArray()).result();
  }

  /** The leads with a contribution (for the memory estimate). */
  int leads() {
    return parts.size();
  }
}
