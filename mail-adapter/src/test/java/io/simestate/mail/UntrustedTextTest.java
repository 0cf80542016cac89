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
}
