package dev.funnel.cli.view;

import dev.funnel.core.display.TextTable;
import dev.funnel.io.html.Section;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A result that is not there, said in words: one text line, a warning on the page, and a JSON
 * object saying why (e.g. {@code {"missing": "plan"}} or {@code {"unavailable": "..."}}).
 */
public final class Note implements View {

  private final String text;
  private final Map<String, Object> json;

  private Note(String text, Map<String, Object> json) {
    this.text = text;
    this.json = json;
  }

  /** The note: its line of text and its JSON members. */
  public static Note of(String text, Map<String, ?> json) {
    return new Note(text, new LinkedHashMap<>(json));
  }

  @Override
  public String text() {
    return text + "\n";
  }

  @Override
  public Object json() {
    return json;
  }

  @Override
  public Map<String, TextTable> tables() {
    return Map.of();
  }

  @Override
  public String csv() {
    return "";
  }

  @Override
  public Section html(Section into) {
    return into.warning(Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".");
  }
}
