package dev.funnel.cli.view;

import dev.funnel.core.display.TextTable;
import dev.funnel.io.html.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several views shown as one (a report section of several results): in text each part under its
 * heading, a blank line between parts; in JSON an object of the leading members, then one member
 * per part; in HTML each part after its heading; in CSV every part's tables in long form.
 */
public final class Composite implements View {

  private record Part(String key, String heading, View view) {}

  private final Map<String, Object> members;
  private final List<Part> parts;
  private final String prefix;

  private Composite(Map<String, Object> members, List<Part> parts, String prefix) {
    this.members = members;
    this.parts = parts;
    this.prefix = prefix;
  }

  /** No parts yet; {@code members} lead the JSON object. */
  public static Composite of(Map<String, ?> members) {
    return new Composite(new LinkedHashMap<>(members), List.of(), "");
  }

  /** This composite with text lines before its first part (ending with a newline). */
  public Composite prefix(String text) {
    return new Composite(members, parts, text);
  }

  /** This composite plus a part: its JSON member {@code key}, its heading (empty: none). */
  public Composite part(String key, String heading, View view) {
    List<Part> p = new ArrayList<>(parts);
    p.add(new Part(key, heading, view));
    return new Composite(members, List.copyOf(p), prefix);
  }

  @Override
  public String text() {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (i > 0) {
        b.append('\n');
      }
      if (!p.heading().isEmpty()) {
        b.append(p.heading()).append('\n');
      }
      b.append(p.view().text());
    }
    return b.toString();
  }

  @Override
  public Object json() {
    Map<String, Object> m = new LinkedHashMap<>(members);
    for (Part p : parts) {
      m.put(p.key(), p.view().json());
    }
    return m;
  }

  /** Every part's tables, each name prefixed with its part's key ({@code funnel/stages}). */
  @Override
  public Map<String, TextTable> tables() {
    Map<String, TextTable> t = new LinkedHashMap<>();
    for (Part p : parts) {
      p.view().tables().forEach((name, table) -> t.put(p.key() + "/" + name, table));
    }
    return t;
  }

  /** Every part's tables in one CSV, long form ({@link Views#csv(Map)}). */
  @Override
  public String csv() {
    return Views.csv(tables());
  }

  @Override
  public Section html(Section s) {
    if (!prefix.isBlank()) {
      s = s.paragraph(prefix.strip());
    }
    for (Part p : parts) {
      if (!p.heading().isEmpty()) {
        s = s.paragraph(p.heading());
      }
      s = p.view().html(s);
    }
    return s;
  }
}
