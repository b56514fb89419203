package dev.funnel.cli;

import dev.funnel.cli.view.View;
import dev.funnel.cli.view.Views;
import java.util.Map;

/**
 * A command's result in the format asked for: the one place a command turns its view
 * ({@link View}) into output. Text, JSON, CSV and SVG come from the view; JSON gets the
 * lenient read's {@code "rejected"} member when there is one.
 */
final class Output {

  private Output() {}

  /**
   * Emits the view in the format.
   *
   * @param rejected the {@code "rejected"} member of a lenient read, or null
   * @throws IllegalStateException for SVG when the result has nothing to draw
   */
  static void emit(Session session, Format format, View view, Object rejected) {
    session.emit(switch (format) {
      case JSON -> rejected == null ? Views.json(view.json())
          : Views.json(view.json(), Map.of("rejected", rejected));
      case CSV -> view.csv();
      case SVG -> view.svg().orElseThrow(() -> new IllegalStateException("nothing to draw"))
          .document();
      default -> view.text();
    });
  }

  /** Emits the view of a command that read DATA ({@link DataInput}). */
  static void emit(Session session, Format format, View view, DataInput in) {
    emit(session, format, view, in.source().lenient() ? in.source().rejectedJson() : null);
  }
}
