package example.peek;

import dev.funnel.core.Dataset;
import dev.funnel.core.columnar.Columns;

/** Reaches into funnel-core's columns: javac must refuse it on the module path. */
public final class Peek {
  public static int leads(Dataset d) {
    Columns c = d.columns();
    return c.leads().size();
  }
}
