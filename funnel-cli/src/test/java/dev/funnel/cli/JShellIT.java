package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JShell way in (README): the shaded jar on the class path and funnel.jsh for the imports. */
class JShellIT {

  @TempDir Path tmp;

  static Path script() {
    Path jsh = Path.of(System.getProperty("funnel.jsh", "../funnel.jsh"));
    assertTrue(Files.isRegularFile(jsh), jsh + " must exist");
    return jsh.toAbsolutePath();
  }

  /** Feeds the lines to jshell with the jar and funnel.jsh; any error fails the run. */
  static Processes.Run jshell(Path dir, String lines) {
    return Processes.run(List.of(Processes.tool("jshell"), "-J-Duser.home=" + dir, "--feedback", "concise",
        "--class-path", Processes.jar().toAbsolutePath().toString(), script().toString()), dir, lines + "\n/exit\n");
  }

  /** The README's JShell lines (notes/cli.md): the demo dataset and its stage funnel. */
  static final String README_LINES = String.join("\n",
      "var data = DemoData.builder().seed(42).leads(2_000).build().dataset();",
      "var funnel = StageFunnel.compute(data, FunnelQuery.event());",
      "funnel.print();");

  /**
   * One JShell session (a JShell start is two JVMs, so one run checks everything): funnel.jsh
   * imports without an error, then the README lines print the demo's stage funnel.
   */
  @Test
  void readmeLinesPrintTheFunnelOfTheDemoData() {
    Processes.Run r = jshell(tmp, "System.out.println(\"ok \" + Money.of(\"1.50\", \"usd\") + \" \" + TableRows.class.getName() + \" \" + Dictionary.class.getName()\n"
        + " + \" \" + UnitEconomics.class.getName() + \" \" + ChannelEconomics.class.getName());\n" + README_LINES);
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains("rror") || r.err().contains("rror"), r.toString());
    assertTrue(r.out().contains("ok 1.50 USD dev.funnel.io.TableRows dev.funnel.core.columnar.Dictionary"
        + " dev.funnel.core.money.UnitEconomics dev.funnel.attribution.ChannelEconomics"), r.toString());
    // every one of the 2,000 demo leads is at LEAD from its creation
    assertTrue(r.out().contains("Funnel, event basis: 2000 LEAD -> "), r.toString());
    assertTrue(r.out().matches("(?s).*stage +count +from previous +from first.*"), r.toString());
    assertTrue(r.out().matches("(?s).*\\(all\\) +\\(all\\) +LEAD +2000 +- +1\\n.*"), r.toString());
  }
}
