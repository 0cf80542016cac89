package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void singleLineTurnsLineBreaksAndTabsIntoOneSpace() {
    assertThat(UntrustedText.singleLine(" Evil\r\n\tBcc: x@evil.example\u2028end ")).isEqualTo("Evil Bcc: x@evil.example end");
  }

  @Test
  void singleLineDropsInvisibleControls() {
    assertThat(UntrustedText.singleLine("a\u0000b\u001Bc\u202Ed\u2069e\uFEFF")).isEqualTo("abcde");
  }

  @Test
  void singleLineKeepsLettersOfEveryScriptEmojiAndDirectionMarks() {
    String name = "Zoë 東京 \u05E9\u05DC\u05D5\u05DD\u200F 👩‍💻";

    assertThat(UntrustedText.singleLine(name)).isEqualTo(name);
  }

  @Test
  void multiLineKeepsLineFeedsButDropsCarriageReturns() {
    assertThat(UntrustedText.multiLine("one\r\ntwo\u0000")).isEqualTo("one\ntwo");
  }

  @Test
  void truncateEndsWithAnEllipsisAndNeverSplitsASurrogatePair() {
    String rockets = "🚀".repeat(10);

    String cut = UntrustedText.truncate(rockets, 5);

    assertThat(cut).isEqualTo("🚀".repeat(4) + "\u2026");
  }

  @Test
  void truncateLeavesShortTextAlone() {
    assertThat(UntrustedText.truncate("short", 5)).isEqualTo("short");
  }

  @Test
  void ofGeneralPunctuationExactlyTheBidiEmbeddingOverrideAndIsolateControlsAreDropped() {
    for (int cp = 0x2000; cp <= 0x206F; cp++) {
      String text = "a" + Character.toString(cp) + "b";
      boolean bidiControl = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
      boolean lineBreak = cp == 0x2028 || cp == 0x2029;

      assertThat(UntrustedText.multiLine(text)).as("U+%04X", cp)
          .isEqualTo(bidiControl ? "ab" : lineBreak ? "a\nb" : text);
    }
  }

  @Test
  void anUnpairedSurrogateIsDroppedAndAPairKept() {
    assertThat(UntrustedText.multiLine("a\uD83Db\uDE80c\uD83D\uDE80")).isEqualTo("abc\uD83D\uDE80");
    assertThat(UntrustedText.singleLine("a\uD83D b")).isEqualTo("a b");
  }

  @Test
  void aByteOrderMarkIsDroppedAndNextLineLineAndParagraphSeparatorsBecomeLineFeeds() {
    assertThat(UntrustedText.multiLine("a\uFEFFb\u0085c\u2028d\u2029e\tf")).isEqualTo("ab\nc\nd\ne\tf");
  }

  @Test
  void truncateCutsAtExactlyTheLimit() {
    assertThat(UntrustedText.truncate("abcdef", 6)).isEqualTo("abcdef");
    assertThat(UntrustedText.truncate("abcdefg", 6)).isEqualTo("abcde\u2026");
    assertThat(UntrustedText.truncate("abc   defg", 6)).isEqualTo("abc\u2026");
  }
}
