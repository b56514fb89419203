package example.peek;

import dev.funnel.core.Dataset;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.internal.StateBytes;

/** Reaches into funnel-core's columns and internals: javac must refuse it on the module path. */
public final class Peek {
  public static int leads(Dataset d) {
    Columns c = Columns.of(d);
    return c.leads().size();
  }

  public static int scale() {
    return StateBytes.MAX_DECIMAL_SCALE;
  }
}
