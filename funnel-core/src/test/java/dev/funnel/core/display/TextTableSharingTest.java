package dev.funnel.core.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables share their row store; each table still sees exactly the rows it was built with. */
class TextTableSharingTest {

  @Test
  void branchesFromOneTableDoNotSeeEachOthersRows() {
    TextTable base = TextTable.of("k", "v").plus("a", 1);
    TextTable left = base.plus("left", 2);
    TextTable right = base.plus("right", 3);
    TextTable leftMore = left.plus("left2", 4);

    assertEquals(1, base.size());
    assertEquals(2, left.size());
    assertEquals(2, right.size());
    assertEquals(3, leftMore.size());
    assertFalse(base.render().contains("left"));
    assertTrue(left.render().contains("left") && !left.render().contains("right"));
    assertTrue(right.render().contains("right") && !right.render().contains("left"));
    assertTrue(leftMore.render().contains("left2") && !leftMore.render().contains("right"));
  }

  @Test
  void oneByOneEqualsAllAtOnce() {
    TextTable oneByOne = TextTable.of("i", "x");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Object[] r = {i, i / 7.0};
      oneByOne = oneByOne.plus(r);
      rows.add(r);
    }
    TextTable atOnce = TextTable.of("i", "x").plusAll(rows);
    assertEquals(atOnce.render(), oneByOne.render());
    assertEquals(5_000, oneByOne.size());
  }

  @Test
  void aNumberAddedLaterRightAlignsOnlyTheNewTable() {
    TextTable text = TextTable.of("c").plus("abc");
    TextTable withNumber = text.plus(12345);
    assertEquals("c\n---\nabc\n", text.render());
    assertEquals("     c\n------\n   abc\n12,345\n", withNumber.render());
  }
}
