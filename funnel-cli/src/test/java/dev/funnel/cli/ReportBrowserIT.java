package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.funnel.core.Dataset;
import dev.funnel.core.demo.DemoData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML review pack of the demo dataset in headless Chromium: the page writes nothing to the
 * browser console (it has no scripts and forbids every load, so any console line is an error), the
 * rendered DOM keeps every section and chart, and a screenshot of the top of the page is not blank.
 * Runs only when the system property {@code chromium} names the browser (Debian's package):
 * {@code ./mvnw -B -q -pl funnel-cli -am verify -Dchromium=/usr/bin/chromium}; the page, screenshot
 * and stderr are kept in {@code funnel-cli/target/browser/}.
 */
@EnabledIfSystemProperty(named = "chromium", matches = ".+")
class ReportBrowserIT {

  @TempDir
  Path dir;

  private static String page() {
    Dataset d = DemoData.builder().seed(3).leads(3_000).build().dataset();
    return HtmlReport.render(new ReportInput("demo", d, List.of(), Window.ALL,
        TimedRows.endOfData(d)));
  }

  @Test
  void thePageRendersWithoutConsoleErrorsAndKeepsEveryChart() throws Exception {
    Path out = Path.of("target", "browser");
    Files.createDirectories(out);
    Path page = out.resolve("report.html");
    Files.writeString(page, page(), StandardCharsets.UTF_8);

    Result dom = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()));
    Files.writeString(out.resolve("report.stderr.txt"), dom.stderr());
    List<String> console = dom.stderr().lines()
        .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
    assertEquals(List.of(), console, "console output of the page");
    assertEquals(9, count(dom.stdout(), "<svg "), "charts in the rendered DOM");
    assertEquals(Report.SECTIONS.size(), count(dom.stdout(), "<section "), "sections in the DOM");

    Path png = out.resolve("report.png");
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,2000",
        page.toUri().toString()));
    BufferedImage img = ImageIO.read(png.toFile());
    long nonWhite = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        nonWhite += rgb == 0xffffff ? 0 : 1;
      }
    }
    double share = nonWhite / (double) (img.getWidth() * img.getHeight());
    assertTrue(share > 0.05, "screenshot nearly blank: " + share + " non-white");
    assertTrue(colours.size() > 50, "too few colours: " + colours.size());
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  record Result(String stdout, String stderr) {}

  private Result run(List<String> args) throws Exception {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(System.getProperty("chromium"), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path stdout = dir.resolve("stdout-" + System.nanoTime());
    Path stderr = dir.resolve("stderr-" + System.nanoTime());
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + cmd);
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "Chromium failed: " + cmd + "\n" + err);
    return new Result(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}
