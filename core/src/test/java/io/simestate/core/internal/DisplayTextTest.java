package io.simestate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DisplayText's own contract where the names and shown-text tests of the {@code customer} package do
 * not reach it: which code points are default-ignorable (and so fold out of a name's key and do not
 * count as visible), and the combining-mark check on text without a single shown character.
 */
class DisplayTextTest {

  /**
   * Default_Ignorable_Code_Point in the Unicode Character Database (DerivedCoreProperties.txt,
   * Unicode 14), range by range.
   */
  private static final int[][] DEFAULT_IGNORABLE = {
      {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5},
      {0x180B, 0x180F}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164},
      {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
      {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
  };

  private static boolean inUnicodesList(int cp) {
    for (int[] range : DEFAULT_IGNORABLE) {
      if (cp >= range[0] && cp <= range[1]) {
        return true;
      }
    }
    return false;
  }

  @Test
  void defaultIgnorableIsExactlyTheUnicodeProperty() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (DisplayText.isDefaultIgnorable(cp) != inUnicodesList(cp)) {
        throw new AssertionError(String.format("U+%04X is%s default-ignorable to DisplayText", cp,
            DisplayText.isDefaultIgnorable(cp) ? "" : " not"));
      }
    }
  }

  @Test
  void theFirstAndLastCodePointOfEveryIgnorableRangeFoldOutOfAName() {
    for (int[] range : DEFAULT_IGNORABLE) {
      for (int cp : range) {
        String typed = "Ac" + Character.toString(cp) + "me";
        assertThat(DisplayText.fold(typed)).as("U+%04X", cp).isEqualTo("acme");
        assertThat(DisplayText.isVisible(cp)).as("U+%04X", cp).isFalse();
      }
    }
  }

  @Test
  void aCombiningMarkIsFoundBehindInvisibleCharactersOnly() {
    assertThat(DisplayText.startsWithCombiningMark("\u200B\u2060\u0301Acme")).isTrue();
    assertThat(DisplayText.startsWithCombiningMark("A\u0301cme")).isFalse();
    assertThat(DisplayText.startsWithCombiningMark("\u200B\u200C")).as("nothing but invisible characters").isFalse();
    assertThat(DisplayText.startsWithCombiningMark("")).isFalse();
  }
}
