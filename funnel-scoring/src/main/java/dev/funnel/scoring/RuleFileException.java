package dev.funnel.scoring;

/**
 * A scoring input file that cannot be read, a rule file ({@link RuleSet#parse}) or a capacity
 * file ({@link Capacity#parse}): where ({@link #source()}, {@link #line()}, {@link #column()})
 * and why ({@link #reason()}). The message is {@code source:line:column: reason} (the column left
 * out when the whole line is at fault).
 */
public final class RuleFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * A problem at a place of a rule file.
   *
   * @param column 1-based field number, 0 when the whole line is at fault
   */
  public RuleFileException(String source, int line, int column, String reason) {
    super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason);
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file name (or a description of the text). */
  public String source() {
    return source;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /**
   * 1-based field ({@code rule, feature, operator, value, points} of a rule file,
   * {@code owner, capacity} of a capacity file), 0 for the whole line.
   */
  public int column() {
    return column;
  }

  /** What is wrong, for people. */
  public String reason() {
    return reason;
  }
}
