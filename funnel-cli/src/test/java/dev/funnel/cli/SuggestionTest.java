package dev.funnel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {

  @Test
  void distancesOfTextbookPairs() {
    assertEquals(3, Suggestion.distance("kitten", "sitting"));
    assertEquals(0, Suggestion.distance("", ""));
    assertEquals(4, Suggestion.distance("", "four"));
    assertEquals(1, Suggestion.distance("fromat", "format")); // one transposition
    assertEquals(2, Suggestion.distance("fromat", "from"));
    assertEquals(3, Suggestion.distance("ca", "abc")); // optimal string alignment, not full Damerau (2)
    assertEquals(Suggestion.distance("flaw", "lawn"), Suggestion.distance("lawn", "flaw"));
  }

  @Test
  void suggestsOnlyAClearCloseName() {
    List<String> known = List.of("format", "zone", "from", "to", "out", "lenient");
    assertEquals("; did you mean --format?", Suggestion.of("fromat", known, "--"));
    assertEquals("; did you mean --lenient?", Suggestion.of("lenint", known, "--"));
    assertEquals("", Suggestion.of("verbose", known, "--"));
    assertEquals("", Suggestion.of("tx", List.of("to", "tz"), "--")); // a tie says nothing
  }
}
