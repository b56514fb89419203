package dev.funnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

  /** Each record as "line:field|field|..." plus "!error@field" when broken. */
  private static List<String> records(String text, char delimiter) {
    return records(new StringReader(text), delimiter);
  }

  private static List<String> records(Reader in, char delimiter) {
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
    CsvTokenizer t = new CsvTokenizer(new StringReader("\uFEFFa;b;\"c,d,e\"\n1;2;3\n"), (char) 0);
    assertEquals(';', t.delimiter());
    t.next();
    assertEquals("a", t.fields()[0]);
    assertEquals('\t', new CsvTokenizer(new StringReader("a\tb,c\td"), (char) 0).delimiter());
    assertEquals(',', new CsvTokenizer(new StringReader("abc"), (char) 0).delimiter());
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
    assertEquals(';', new CsvTokenizer(new OneCharReader("a,b;c;d\n1;2;3\n"), (char) 0).delimiter());
    assertEquals(List.of("1:a|b|c", "2:1|2|3"), records(new OneCharReader("a\tb\tc\n1\t2\t3"), (char) 0));
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
      assertEquals(records(s, ','), records(new OneCharReader(s), ','), () -> "input: " + s);
    }
  }

  /** A reader that returns one character per read, to exercise buffer refills everywhere. */
  private static final class OneCharReader extends Reader {
    private final String s;
    private int i;

    OneCharReader(String s) {
      this.s = s;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (i >= s.length()) {
        return -1;
      }
      cbuf[off] = s.charAt(i++);
      return 1;
    }

    @Override
    public void close() {}
  }
}
