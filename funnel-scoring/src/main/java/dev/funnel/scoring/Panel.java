package dev.funnel.scoring;

import java.util.Arrays;

/**
 * The rows a model learns from or is tested on: (lead, snapshot instant, label).
 *
 * <p>A lead is scored on its own clock: snapshot {@code k} is at {@code created + delay + k *
 * horizon} ({@code k = 0, 1, ...}, at most {@code maxSnapshots}), so every row's label window
 * {@code (s, s + horizon]} ends where the next row's begins: the person-period layout of a
 * discrete-time hazard model (Allison 1982, Sociological Methodology 13:61-98), whose likelihood
 * is the product of the rows' Bernoulli terms even though one lead gives several rows. A row
 * exists only while the lead is at risk at {@code s}: the target not yet reached, not closed by
 * an exit, not won. Label: the target is reached in {@code (s, s + horizon]}.
 *
 * <p>Training rows ({@link #training}): every snapshot with {@code s + horizon} at or before the
 * cut, so features ({@code <= s}) and labels ({@code <= s + horizon}) use nothing after the cut
 * and every lead is created before it. Held-out rows ({@link #heldOut}): leads created at or
 * after the cut, each once, at its first snapshot, when that snapshot's window has ended by the
 * as-of instant (the lead is mature); the rest are immature and counted.
 */
final class Panel {

  int size;
  int[] lead = new int[1024];
  long[] ms = new long[1024];
  int[] sub = new int[1024];
  boolean[] label = new boolean[1024];
  /** Furthest progression index at the snapshot. */
  int[] stage = new int[1024];
  /** Distinct leads with at least one row. */
  int leads;
  /** Leads of the population (created in its range) whose rows are not all out yet. */
  int immature;

  private void add(int l, long m, int s, boolean y, int st) {
    if (size == lead.length) {
      int n = size * 2;
      lead = Arrays.copyOf(lead, n);
      ms = Arrays.copyOf(ms, n);
      sub = Arrays.copyOf(sub, n);
      label = Arrays.copyOf(label, n);
      stage = Arrays.copyOf(stage, n);
    }
    lead[size] = l;
    ms[size] = m;
    sub[size] = s;
    label[size] = y;
    stage[size] = st;
    size++;
  }

  int positives() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (label[i]) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code (am, as)} is at or before {@code (bm, bs)}. */
  static boolean le(long am, int as, long bm, int bs) {
    return am < bm || (am == bm && as <= bs);
  }

  /**
   * Training rows as of the cut {@code (cutMs, cutSub)}.
   *
   * @param target progression index of the target stage
   */
  static Panel training(Timeline tl, Timeline.State st, int target, long horizonMs, long delayMs,
      int maxSnapshots, long cutMs, int cutSub) {
    Panel p = new Panel();
    // leads in index order, the order of every table's rows (sequential reads); the rows of a lead
    // are consecutive, in time order
    for (int l = 0; l < tl.leads.size(); l++) {
      if (!tl.leads.hasRow(l)) {
        continue;
      }
      long c = tl.leads.createdAt(l);
      int cs = tl.createdSub(l);
      if (!le(c + delayMs + horizonMs, cs, cutMs, cutSub)) {
        continue;
      }
      boolean any = false;
      for (int j = 0; j < maxSnapshots; j++) {
        long s = c + delayMs + j * horizonMs;
        if (!le(s + horizonMs, cs, cutMs, cutSub)) {
          break;
        }
        tl.load(st, l, s, cs, target);
        if (st.targetReached()) {
          break;
        }
        if (st.closed || st.stage >= tl.wonIndex) {
          continue;
        }
        p.add(l, s, cs, st.targetWithin(s + horizonMs, cs), st.stage);
        any = true;
      }
      if (any) {
        p.leads++;
      }
    }
    return p;
  }

  /**
   * Held-out rows: leads created at or after the cut (and at or before the as-of instant), at
   * their first snapshot, when its window has ended by the as-of instant.
   */
  static Panel heldOut(Timeline tl, Timeline.State st, int target, long horizonMs, long delayMs,
      long cutMs, int cutSub, long asOfMs, int asOfSub) {
    Panel p = new Panel();
    for (int k = 0; k < tl.leads.withRow(); k++) {
      int l = tl.leads.byCreated(k);
      long c = tl.leads.createdAt(l);
      int cSub = tl.createdSub(l);
      if (!le(cutMs, cutSub, c, cSub) || !le(c, cSub, asOfMs, asOfSub)) {
        continue;
      }
      long s = c + delayMs;
      if (!le(s + horizonMs, cSub, asOfMs, asOfSub)) {
        p.immature++;
        continue;
      }
      tl.load(st, l, s, cSub, target);
      if (st.targetReached() || st.closed || st.stage >= tl.wonIndex) {
        continue;
      }
      p.add(l, s, cSub, st.targetWithin(s + horizonMs, cSub), st.stage);
      p.leads++;
    }
    return p;
  }
}
