package dev.funnel.io.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the sample review page (every chart) in headless Chromium. Runs only in the Maven
 * profile {@code browser} ({@code ./mvnw -B -q -Pbrowser -pl funnel-io -am verify}); needs
 * Debian's {@code chromium} package at {@code /usr/bin/chromium} or the path in the system
 * property {@code chromium}.
 *
 * <p>Checks: (a) a 1200x2000 screenshot is not blank: enough non-white pixels and colours, and
 * the chart colours are really painted (so the inline SVG rendered); (b) the page writes nothing
 * to the browser console. With {@code --enable-logging=stderr --v=0} Chromium copies every console
 * message to stderr as {@code [...:INFO:CONSOLE:line] "text", source: url (line)} - at INFO
 * whatever the message's own level, so levels cannot be told apart. The page has no scripts, so
 * anything there is an error by construction: an uncaught exception, a Content-Security-Policy
 * refusal (the page forbids every load), or another browser complaint. The check fails on any line
 * containing {@code :CONSOLE} or {@code Uncaught}; a control page with a failing script proves
 * the check sees such lines.
 */
class ChromiumBrowserIT {

  private static Path chromium;
  private static Path out;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() throws IOException {
    chromium = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new IllegalStateException("no Chromium at " + chromium + "; install Debian's package "
          + "(apt-get update && apt-get install -y chromium) or pass -Dchromium=/path/to/it");
    }
    out = Path.of(System.getProperty("browser.out", "target/browser"));
    Files.createDirectories(out);
  }

  @Test
  void screenshotShowsEveryChart() throws Exception {
    Path page = dir.resolve("review.html");
    SamplePage.page().write(page);
    Files.copy(page, out.resolve("review.html"), StandardCopyOption.REPLACE_EXISTING);
    Path png = dir.resolve("review.png");
    run(List.of("--screenshot=" + png, "--window-size=1200,2000", page.toUri().toString()));
    Files.copy(png, out.resolve("review.png"), StandardCopyOption.REPLACE_EXISTING);

    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1200, img.getWidth());
    assertEquals(2000, img.getHeight());
    long nonWhite = 0;
    Set<Integer> colours = new HashSet<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        counts.merge(rgb, 1, Integer::sum);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
      }
    }
    double share = nonWhite / (double) (img.getWidth() * img.getHeight());
    assertTrue(share > 0.05, "screenshot nearly blank: " + share + " non-white");
    assertTrue(colours.size() > 50, "too few colours: " + colours.size());
    // the fills of the charts in the first 2000 px: funnel bars, bridge totals and steps, the
    // darkest heat-map cells, bullet statuses
    for (int c : new int[] {0x0072b2, 0x555555, 0xd55e00, 0x08306b, 0x009e73, 0xe69f00}) {
      int n = counts.getOrDefault(c, 0);
      assertTrue(n > 200, String.format("colour #%06x painted on %d pixels only", c, n));
    }
  }

  @Test
  void pageWritesNothingToTheConsoleAndKeepsEveryChart() throws Exception {
    Path page = dir.resolve("review.html");
    SamplePage.page().write(page);
    Result r = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toUri().toString()));
    Files.writeString(out.resolve("review.stderr.txt"), r.stderr);
    assertEquals(List.of(), consoleErrors(r.stderr), "console output of the page");
    assertEquals(6, count(r.stdout, "<svg "), "charts in the rendered DOM");
    assertEquals(6, count(r.stdout, "<section "), "sections in the rendered DOM");
  }

  @Test
  void consoleCheckSeesScriptErrorsAndRefusedLoads() throws Exception {
    String html = SamplePage.page().render().replace("</main>",
        "<img src=\"https://example.invalid/x.png\"/><script>throw new Error('kaput')</script>"
            + "</main>");
    Path page = dir.resolve("control.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Result r = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
        page.toUri().toString()));
    List<String> errors = consoleErrors(r.stderr);
    assertTrue(errors.size() >= 1, "control page should log console errors:\n" + r.stderr);
    assertTrue(errors.stream().anyMatch(l -> l.contains("Content Security Policy")), errors::toString);
  }

  /** The stderr lines that carry console output or an uncaught exception. */
  static List<String> consoleErrors(String stderr) {
    return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
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
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path stdout = dir.resolve("stdout-" + System.nanoTime());
    Path stderr = dir.resolve("stderr-" + System.nanoTime());
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 120 s: " + cmd);
    }
    String err = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "Chromium failed: " + cmd + "\n" + err);
    return new Result(new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8), err);
  }
}
