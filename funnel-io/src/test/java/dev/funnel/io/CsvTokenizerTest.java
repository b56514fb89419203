package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

  /** Each record as "line:field|field|..." plus "!error@field" when broken. */
  private static List<String> records(String text, char delimiter) {
    return records(bytes(text), delimiter);
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> records(InputStream in, char delimiter) {
    CsvTokenizer t = new CsvTokenizer(in, delimiter);
    List<String> out = new ArrayList<>();
    while (t.next()) {
      String s = t.line() + ":" + String.join("|", Arrays.copyOf(t.fields(), t.count()));
      if (t.error() != CsvTokenizer.OK) {
        s += "!" + t.error() + "@" + t.errorField();
      }
      out.add(s);
    }
    return out;
  }

  @Test
  void rfc4180Basics() {
    assertEquals(List.of("1:a|b|c", "2:1|x,y|", "3:q\"q|", "5:z"),
        records("a,b,c\r\n1,\"x,y\",\r\n\"q\"\"q\",\n\nz", ','));
  }

  @Test
  void quotedLineBreaksAdvanceTheLineNumber() {
    assertEquals(List.of("1:h", "2:a\nb\r\nc", "5:d"), records("h\n\"a\nb\r\nc\"\nd\n", ','));
  }

  @Test
  void bomIsSkippedAndDelimiterDetected() {
    CsvTokenizer t = new CsvTokenizer(bytes("\uFEFFa;b;\"c,d,e\"\n1;2;3\n"), (char) 0);
    assertEquals(';', t.delimiter());
    t.next();
    assertEquals("a", t.fields()[0]);
    assertEquals('\t', new CsvTokenizer(bytes("a\tb,c\td"), (char) 0).delimiter());
    assertEquals(',', new CsvTokenizer(bytes("abc"), (char) 0).delimiter());
  }

  @Test
  void unclosedQuoteSpanningLinesIsReadAgainFromTheNextLine() {
    // the re-read text is raw CSV again: d,""e"" is a broken quoted field on line 4
    assertEquals(List.of("1:h|h", "2:a|x\nb,c\nd,\"e\"\n!1@1", "3:b|c", "4:d|!2@1"),
        records("h,h\na,\"x\nb,c\nd,\"\"e\"\"\n", ','));
  }

  @Test
  void unclosedQuoteOnTheLastLine() {
    assertEquals(List.of("1:h", "2:abc!1@0"), records("h\n\"abc", ','));
  }

  @Test
  void textAfterAClosingQuoteSkipsTheRestOfTheLine() {
    assertEquals(List.of("1:a|b!2@1", "2:c|d"), records("a,\"b\"x,y\nc,d\n", ','));
    assertEquals(List.of("1:a|b\nc!2@1", "2:c\"x|y", "3:e"), records("a,\"b\nc\"x,y\ne", ','));
  }

  @Test
  void detectionSeesTheWholeFirstLineEvenFromATrickle() {
    assertEquals(';', new CsvTokenizer(new OneByteStream("a,b;c;d\n1;2;3\n"), (char) 0).delimiter());
    assertEquals(List.of("1:a|b|c", "2:1|2|3"), records(new OneByteStream("a\tb\tc\n1\t2\t3"), (char) 0));
  }

  @Test
  void tinyReadsGiveTheSameRecordsAsOneBigRead() {
    Random rnd = new Random(7);
    String alphabet = "ab,\"\n\r;x ";
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(40);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(records(s, ','), records(new OneByteStream(s), ','), () -> "input: " + s);
    }
  }

  /** A stream that returns one byte per read, to exercise buffer refills everywhere. */
  private static final class OneByteStream extends InputStream {
    private final byte[] s;
    private int i;

    OneByteStream(String s) {
      this.s = s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      return i >= s.length ? -1 : s[i++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (i >= s.length) {
        return -1;
      }
      b[off] = s[i++];
      return 1;
    }
  }

  @Test
  void aRecordLongerThanTheLimitIsOneErrorAndTheNextLineIsRead() {
    StringBuilder b = new StringBuilder("h\n");
    while (b.length() < CsvTokenizer.MAX_RECORD + 100) {
      b.append("abcdefghij");
    }
    b.append("\r\nnext\n");
    CsvTokenizer t = new CsvTokenizer(bytes(b.toString()), ',');
    assertEquals(true, t.next());
    assertEquals(true, t.next());
    assertEquals(CsvTokenizer.TOO_LONG, t.error());
    assertEquals(2, t.line());
    assertEquals("abcdefghij".repeat(7).substring(0, 64), t.field(0));
    assertEquals(true, t.next());
    assertEquals(CsvTokenizer.OK, t.error());
    assertEquals(3, t.line());
    assertEquals("next", t.field(0));
    assertEquals(false, t.next());
  }

  @Test
  void multiByteTextIsDecodedPerField() {
    assertEquals(List.of("1:Привіт|€1,5|x\"y"), records("Привіт;\"€1,5\";\"x\"\"y\"", ';'));
  }
}
