package dev.funnel.io;

import java.nio.file.Path;
import java.util.Locale;

/** The two file formats of a dataset table (docs/spec/dataset.md): CSV and NDJSON. */
public enum FileFormat {
  /** RFC 4180 CSV with a header row, UTF-8. */
  CSV("csv"),
  /** One JSON object per line, UTF-8, the same field names as the CSV columns. */
  NDJSON("ndjson");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension without the dot: {@code csv} or {@code ndjson}. */
  public String extension() {
    return extension;
  }

  /**
   * The format of a file by its extension: {@code .csv} (also {@code .tsv}, {@code .txt}) or
   * {@code .ndjson} (also {@code .jsonl}), case-insensitive.
   *
   * @throws IllegalArgumentException for any other extension
   */
  public static FileFormat of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return CSV;
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return NDJSON;
    }
    throw new IllegalArgumentException(
        "cannot tell the format of '" + file + "': expected a .csv or .ndjson file");
  }
}
