package dev.funnel.cli.view;

import dev.funnel.io.chart.Svg;
import dev.funnel.core.display.TextTable;
import dev.funnel.io.html.Section;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A view shown in a context: a heading line before its text, members before its JSON (e.g. the
 * report's {@code "period"}), a paragraph before its HTML; CSV and SVG are the view's own.
 */
public final class Framed implements View {

  private final View inner;
  private final String heading;
  private final Object members;

  private Framed(View inner, String heading, Object members) {
    this.inner = inner;
    this.heading = heading;
    this.members = members;
  }

  /**
   * The view with a heading line (empty: none) and leading JSON members: a map (in its order;
   * empty: none) or a record (its components).
   */
  public static Framed of(View inner, String heading, Object members) {
    return new Framed(inner, heading,
        members instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : members);
  }

  @Override
  public String text() {
    return heading.isEmpty() ? inner.text() : heading + "\n" + inner.text();
  }

  @Override
  public Object json() {
    return members instanceof Map<?, ?> m && m.isEmpty() ? inner.json()
        : Views.members(members, inner.json());
  }

  @Override
  public Map<String, TextTable> tables() {
    return inner.tables();
  }

  @Override
  public String csv() {
    return inner.csv();
  }

  @Override
  public Section html(Section into) {
    return inner.html(heading.isEmpty() ? into : into.paragraph(heading));
  }

  @Override
  public Optional<Svg> svg() {
    return inner.svg();
  }
}
