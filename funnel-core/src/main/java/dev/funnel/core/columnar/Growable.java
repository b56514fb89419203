package dev.funnel.core.columnar;

/** A column under construction that can make room for a known number of rows up front. */
interface Growable {

  /** Makes room for {@code n} rows in all (a size hint; never shrinks). */
  void reserve(int n);
}
