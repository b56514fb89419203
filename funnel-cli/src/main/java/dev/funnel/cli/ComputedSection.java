package dev.funnel.cli;

import dev.funnel.core.DatasetTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report section drawn from one result computed once per report ({@link ReportScope#shared}):
 * the text and the JSON of the section render the same object. When the dataset lacks a table the
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

  /** Computes the result; called at most once per report. */
  abstract T compute(ReportInput in);

  /** The result as text lines of at most 100 columns. */
  abstract String text(T result, ReportInput in);

  /** The result as a JSON tree. */
  abstract Map<String, Object> json(T result, ReportInput in);

  /**
   * The result on the HTML page: the charts, key figures and tables it adds to the section
   * ({@link HtmlReport}).
   */
  abstract dev.funnel.io.html.Section html(T result, ReportInput in, dev.funnel.io.html.Section s);

  /** The section on the HTML page, or a warning naming the missing table or the reason. */
  final dev.funnel.io.html.Section html(ReportInput in, dev.funnel.io.html.Section s) {
    Outcome<T> o = outcome(in);
    if (o.missing() != null) {
      return s.warning("Not available: the dataset has no " + o.missing() + " table.");
    }
    if (o.unavailable() != null) {
      return s.warning("Not available: " + o.unavailable());
    }
    return html(o.result(), in, s);
  }

  /** Computes the result (or why there is none) into the report's memo, so rendering finds it. */
  final void prepare(ReportInput in) {
    outcome(in);
  }

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
    return text(o.result(), in);
  }

  @Override
  public final Object json(ReportInput in) {
    Outcome<T> o = outcome(in);
    if (o.missing() != null) {
      return new LinkedHashMap<>(Map.of("missing", o.missing()));
    }
    if (o.unavailable() != null) {
      return new LinkedHashMap<>(Map.of("unavailable", o.unavailable()));
    }
    return json(o.result(), in);
  }
}
