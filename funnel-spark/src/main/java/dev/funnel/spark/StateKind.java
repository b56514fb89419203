package dev.funnel.spark;

import dev.funnel.attribution.PathCounts;
import dev.funnel.attribution.TransitionCounts;
import dev.funnel.cohort.CohortState;
import dev.funnel.core.funnel.FunnelTally;
import dev.funnel.core.money.UnitTally;

/**
 * The library's mergeable states that travel through Spark as their stable byte forms: how to
 * read, merge and write each one. Every merge is the library's own (associative, commutative,
 * the empty state its identity), so Spark may combine partial states in any grouping.
 */
enum StateKind {
  /** {@link FunnelTally}: stage counts per group key and period. */
  FUNNEL {
    @Override
    byte[] merge(byte[] a, byte[] b) {
      return FunnelTally.fromBytes(a).merge(FunnelTally.fromBytes(b)).toBytes();
    }

    @Override
    Object read(byte[] b) {
      return FunnelTally.fromBytes(b);
    }

    @Override
    Object merge(Object a, Object b) {
      return ((FunnelTally) a).merge((FunnelTally) b);
    }

    @Override
    byte[] write(Object s) {
      return ((FunnelTally) s).toBytes();
    }
  },
  /** {@link PathCounts}: conversions, value and nulls per channel path. */
  PATHS {
    @Override
    byte[] merge(byte[] a, byte[] b) {
      return PathCounts.fromBytes(a).merge(PathCounts.fromBytes(b)).toBytes();
    }

    @Override
    Object read(byte[] b) {
      return PathCounts.fromBytes(b);
    }

    @Override
    Object merge(Object a, Object b) {
      return ((PathCounts) a).merge((PathCounts) b);
    }

    @Override
    byte[] write(Object s) {
      return ((PathCounts) s).toBytes();
    }
  },
  /** {@link TransitionCounts}: Markov transition counts of an order-k chain. */
  TRANSITIONS {
    @Override
    byte[] merge(byte[] a, byte[] b) {
      return TransitionCounts.fromBytes(a).merge(TransitionCounts.fromBytes(b)).toBytes();
    }

    @Override
    Object read(byte[] b) {
      return TransitionCounts.fromBytes(b);
    }

    @Override
    Object merge(Object a, Object b) {
      return ((TransitionCounts) a).merge((TransitionCounts) b);
    }

    @Override
    byte[] write(Object s) {
      return ((TransitionCounts) s).toBytes();
    }
  },
  /** {@link CohortState}: payments per customer and period, plus cohort anchors. */
  COHORT {
    @Override
    byte[] merge(byte[] a, byte[] b) {
      return CohortState.fromBytes(a).merge(CohortState.fromBytes(b)).toBytes();
    }

    @Override
    Object read(byte[] b) {
      return CohortState.fromBytes(b);
    }

    @Override
    Object merge(Object a, Object b) {
      return ((CohortState) a).merge((CohortState) b);
    }

    @Override
    byte[] write(Object s) {
      return ((CohortState) s).toBytes();
    }
  },
  /** {@link UnitTally}: spend, leads, customers and revenue per channel and campaign. */
  UNIT {
    @Override
    byte[] merge(byte[] a, byte[] b) {
      return UnitTally.fromBytes(a).merge(UnitTally.fromBytes(b)).toBytes();
    }

    @Override
    Object read(byte[] b) {
      return UnitTally.fromBytes(b);
    }

    @Override
    Object merge(Object a, Object b) {
      return ((UnitTally) a).merge((UnitTally) b);
    }

    @Override
    byte[] write(Object s) {
      return ((UnitTally) s).toBytes();
    }
  };

  /** The byte form of the merge of two byte forms. */
  abstract byte[] merge(byte[] a, byte[] b);

  /** The state of a byte form. */
  abstract Object read(byte[] b);

  /** The merge of two states (may reuse {@code a}; {@code b} is not used afterwards). */
  abstract Object merge(Object a, Object b);

  /** The byte form of a state. */
  abstract byte[] write(Object state);
}
