package dev.funnel.cli;

import java.util.List;

/**
 * What a command declares about its command line, all that parsing needs ({@link Arguments}):
 * its name, operands, options, formats (the default first) and the most operands it takes.
 */
record Syntax(String name, String operands, List<Option> options, List<Format> formats,
    int maxOperands) {

  Syntax {
    options = List.copyOf(options);
    formats = List.copyOf(formats);
  }
}
