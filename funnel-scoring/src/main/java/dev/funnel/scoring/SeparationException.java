package dev.funnel.scoring;

import java.util.List;

/**
 * Maximum likelihood has no solution because the rows are (quasi-)completely separated: a
 * combination of columns predicts the response perfectly, so its coefficients grow without bound
 * (Albert and Anderson 1984). The message names the diverging columns; a ridge penalty
 * ({@link LogisticRegression#ridge(double)}) always has a solution.
 */
public final class SeparationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> columns;

  SeparationException(String message, List<String> columns) {
    super(message);
    this.columns = List.copyOf(columns);
  }

  /** The columns whose coefficients diverge, largest first (at most five). */
  public List<String> columns() {
    return columns;
  }
}
