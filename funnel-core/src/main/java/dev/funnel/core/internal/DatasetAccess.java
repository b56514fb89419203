package dev.funnel.core.internal;

import dev.funnel.core.Dataset;
import dev.funnel.core.columnar.Columns;
import dev.funnel.core.columnar.ColumnsBuilder;

/**
 * The way from a {@link Dataset} (or its builder) to the columnar form it holds, without a public
 * method on {@code Dataset} whose type a host cannot see: the "shared secrets" pattern of the JDK's
 * own modules. {@code Dataset}'s class initializer registers a {@link Hook} that reads its private
 * fields; {@link Columns#of(Dataset)} and {@link ColumnsBuilder#of(Dataset.Builder)} call through
 * it, and those are what the funnel modules use. The hook returns the dataset's own instance (no
 * copy), so a call costs a field read and an interface call, as the public getter did.
 *
 * <p>Internal: exported only to the funnel modules named in funnel-core's {@code module-info}; not
 * part of the supported API.
 */
public final class DatasetAccess {

  /** Reads a dataset's columns: implemented once, by {@code Dataset}. */
  public interface Hook {
    /** The dataset's columnar form (the same instance on every call). */
    Columns columns(Dataset dataset);

    /** The columns a dataset builder appends rows into. */
    ColumnsBuilder columns(Dataset.Builder builder);
  }

  // Written once, by Dataset's class initializer. A caller holding a Dataset (or a builder, made
  // only by Dataset.builder()) comes after that initializer started; a thread that still reads
  // null (the dataset reached it through a data race) forces the initialization check, which
  // orders the write before the second read.
  private static Hook hook;

  private DatasetAccess() {}

  /**
   * Registers {@code Dataset}'s hook.
   *
   * @throws IllegalStateException when a hook is registered already (only {@code Dataset} registers)
   */
  public static synchronized void register(Hook h) {
    if (hook != null) {
      throw new IllegalStateException("the dataset hook is registered already");
    }
    hook = java.util.Objects.requireNonNull(h, "hook");
  }

  /** The dataset's columnar form: its own instance. */
  public static Columns columns(Dataset dataset) {
    return hook().columns(dataset);
  }

  /** The columns under construction of a dataset builder. */
  public static ColumnsBuilder columns(Dataset.Builder builder) {
    return hook().columns(builder);
  }

  private static Hook hook() {
    Hook h = hook;
    if (h != null) {
      return h;
    }
    try {
      Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("dev.funnel.core.Dataset cannot be loaded", e);
    }
    synchronized (DatasetAccess.class) {
      if (hook == null) {
        throw new IllegalStateException("dev.funnel.core.Dataset did not register its hook");
      }
      return hook;
    }
  }
}
