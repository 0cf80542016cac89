package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeHtmlTest {

  @Test
  void escapeTurnsMarkupCharactersIntoReferences() {
    assertThat(SafeHtml.escape("<a href=\"x\">Tom & Jerry's</a>").markup())
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  }

  @Test
  void escapeDropsControlAndBidiOverrideCharacters() {
    assertThat(SafeHtml.escape("a\u0000b\u202Ec\u2066d\u0007").markup()).isEqualTo("abcd");
  }

  @Test
  void escapeOfNullIsEmpty() {
    assertThat(SafeHtml.escape(null).markup()).isEmpty();
  }

  @Test
  void formatEscapesPlainValuesAndKeepsSafeHtmlValues() {
    SafeHtml html = SafeHtml.format("<p>{0} {1} {0}</p>", "<b>", SafeHtml.trusted("<i>ok</i>"));

    assertThat(html.markup()).isEqualTo("<p>&lt;b&gt; <i>ok</i> &lt;b&gt;</p>");
  }

  @Test
  void formatLeavesBracesWithoutAValueAlone() {
    SafeHtml html = SafeHtml.format("a{b} {2} {} {0}", "x");

    assertThat(html.markup()).isEqualTo("a{b} {2} {} x");
  }

  @Test
  void valueThatLooksLikeAPlaceholderIsNotFilledAgain() {
    SafeHtml html = SafeHtml.format("{0}{1}", "{1}", "<x>");

    assertThat(html.markup()).isEqualTo("{1}&lt;x&gt;");
  }

  @Test
  void concatJoinsPiecesInOrder() {
    assertThat(SafeHtml.concat(List.of(SafeHtml.trusted("<p>"), SafeHtml.escape("<"), SafeHtml.trusted("</p>")))
        .markup()).isEqualTo("<p>&lt;</p>");
  }
}
