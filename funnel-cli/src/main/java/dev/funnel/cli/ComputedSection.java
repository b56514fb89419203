package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import dev.funnel.cli.view.View;
import java.util.List;
import java.util.Map;

/**
 * A report section drawn from one result computed once per report ({@link ReportScope#shared}):
 * compute, then view ({@link View}): the text, the JSON and the HTML of the section render the
 * same object through the same view a command uses. When the dataset lacks a table the
 * section needs, the section is one line naming it (JSON {@code {"missing": "spend"}}); when the
 * library refuses the data (an {@link IllegalArgumentException} or {@link IllegalStateException},
 * e.g. a plan without the targets a bridge needs), one line with its reason (JSON
 * {@code {"unavailable": reason}}): a section never fails the whole report.
 *
 * @param <T> the section's result
 */
abstract class ComputedSection<T> implements ReportSection {

  /** The tables the section needs, in the order a missing one is reported. */
  abstract List<DatasetTable> tables();

  /** {@link #cost()} of a section that passes over the payments, usually the largest table. */
  static final int PAYMENT_PASS = 2;

  /**
   * A rough relative cost of {@link #compute}, by which {@link Report#prepare} starts the longest
   * first: {@link #PAYMENT_PASS} when the section reads payments, 1 otherwise.
   */
  int cost() {
    return tables().contains(DatasetTable.PAYMENTS) ? PAYMENT_PASS : 1;
  }

  /** Computes the result; called at most once per report. */
  abstract T compute(ReportInput in);

  /**
   * The result's view as the section shows it: its text (lines of at most 100 columns), its JSON
   * member and its part of the HTML page ({@link HtmlReport}) all come from it.
   */
  abstract View view(T result, ReportInput in);

  /** The section on the HTML page, or a warning naming the missing table or the reason. */
  @Override
  public final dev.funnel.io.html.Section html(ReportInput in, dev.funnel.io.html.Section s) {
    Outcome<T> o = outcome(in);
    if (o.missing() != null) {
      return s.warning("Not available: the dataset has no " + o.missing() + " table.");
    }
    if (o.unavailable() != null) {
      return s.warning("Not available: " + o.unavailable());
    }
    return view(o.result(), in).html(s);
  }

  /** Computes the result (or why there is none) into the report's memo, so rendering finds it. */
  final void prepare(ReportInput in) {
    outcome(in);
  }

  /** The JSON of a section whose table is missing: {@code {"missing": "spend"}}. */
  record Missing(String missing) {}

  /** The JSON of a section the library refused: {@code {"unavailable": reason}}. */
  record Unavailable(String unavailable) {}

  /** Either the result or why there is none. */
  private record Outcome<T>(T result, String missing, String unavailable) {}

  private Outcome<T> outcome(ReportInput in) {
    ReportScope s = in.scope();
    return s.shared("section " + key(), () -> {
      String miss = s.missing(tables().toArray(new DatasetTable[0]));
      if (miss != null) {
        return new Outcome<>(null, miss, null);
      }
      try {
        return new Outcome<>(compute(in), null, null);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return new Outcome<>(null, null, e.getMessage());
      }
    });
  }

  @Override
  public final String text(ReportInput in) {
    Outcome<T> o = outcome(in);
    if (o.missing() != null) {
      return "not available: the dataset has no " + o.missing() + " table\n";
    }
    if (o.unavailable() != null) {
      return "not available: " + o.unavailable() + "\n";
    }
    return view(o.result(), in).text();
  }

  @Override
  public final Object json(ReportInput in) {
    Outcome<T> o = outcome(in);
    if (o.missing() != null) {
      return new Missing(o.missing());
    }
    if (o.unavailable() != null) {
      return new Unavailable(o.unavailable());
    }
    return view(o.result(), in).json();
  }

  @Override
  public final Map<String, dev.funnel.core.display.TextTable> tables(ReportInput in) {
    Outcome<T> o = outcome(in);
    return o.result() == null ? Map.of() : view(o.result(), in).tables();
  }
}
