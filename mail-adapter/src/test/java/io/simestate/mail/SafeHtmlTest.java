package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
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

  @Test
  void twoPiecesOfHtmlAreEqualExactlyWhenTheirMarkupIs() {
    SafeHtml built = SafeHtml.format("<p>{0}</p>", "a & b");
    SafeHtml same = SafeHtml.concat(List.of(SafeHtml.trusted("<p>a "), SafeHtml.escape("&"), SafeHtml.trusted(" b</p>")));
    SafeHtml other = SafeHtml.trusted("<p>a &amp; b </p>");

    assertThat(built).isEqualTo(same).hasSameHashCodeAs(same).hasToString("<p>a &amp; b</p>");
    assertThat(built).isNotEqualTo(other).isNotEqualTo("<p>a &amp; b</p>").isNotEqualTo(null);
    assertThat(built.hashCode()).isEqualTo("<p>a &amp; b</p>".hashCode());
  }

  @Test
  void aPlaceholderIsOneToThreeDigitsInBracesAndNothingElse() {
    Object[] ten = {"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"};

    assertThat(SafeHtml.format("{9}|{09}|{009}|{0}", ten).markup()).isEqualTo("v9|v9|v9|v0");
    assertThat(SafeHtml.format("{0009}|{+1}|{-1}|{ 1}|{1 }|{/}|{:}|{1a}", ten).markup())
        .isEqualTo("{0009}|{+1}|{-1}|{ 1}|{1 }|{/}|{:}|{1a}");
  }

  @Property(tries = 1000)
  void formatFillsExactlyWhatTheRuleCallsAPlaceholder(
      @ForAll @Chars({'{', '}', '0', '1', '2', '9', 'a', '<'}) String markup,
      @ForAll @Size(max = 4) List<@Chars({'<', '{', '}', '0', '&', 'x'}) String> values) {
    // The rule, written once more as a regular expression: one to three digits in braces, filled
    // when a value has that index, from left to right without looking into what was filled in.
    Matcher placeholder = Pattern.compile("\\{([0-9]{1,3})\\}").matcher(markup);
    StringBuilder expected = new StringBuilder();
    while (placeholder.find()) {
      int index = Integer.parseInt(placeholder.group(1));
      String filled = index < values.size()
          ? SafeHtml.escape(values.get(index)).markup()
          : placeholder.group();
      placeholder.appendReplacement(expected, Matcher.quoteReplacement(filled));
    }
    placeholder.appendTail(expected);

    assertThat(SafeHtml.format(markup, values.toArray()).markup()).isEqualTo(expected.toString());
  }

  @Test
  void aPlaceholderPastTheLastValueStaysAsItIs() {
    assertThat(SafeHtml.format("{0}{1}", "only").markup()).isEqualTo("only{1}");
    assertThat(SafeHtml.format("{0}", (Object[]) null).markup()).isEqualTo("{0}");
    assertThat(SafeHtml.format("{0}").markup()).isEqualTo("{0}");
  }

  @Test
  void anUnclosedOrEmptyBraceStaysAsItIsAndTheRestIsStillFilled() {
    assertThat(SafeHtml.format("{}{0}{", "x").markup()).isEqualTo("{}x{");
    assertThat(SafeHtml.format("{{0}}", "x").markup()).isEqualTo("{x}");
    assertThat(SafeHtml.format("}{0", "x").markup()).isEqualTo("}{0");
  }

  @Test
  void nothingGivenMakesEmptyHtml() {
    assertThat(SafeHtml.format(null, "x").markup()).isEmpty();
    assertThat(SafeHtml.format("[{0}]", (Object) null).markup()).isEqualTo("[]");
    assertThat(SafeHtml.trusted(null).markup()).isEmpty();
    assertThat(SafeHtml.concat(List.of()).markup()).isEmpty();
    assertThat(SafeHtml.concat(List.of(SafeHtml.trusted(""), SafeHtml.escape(null)))).isEqualTo(SafeHtml.trusted(""));
  }

  @Test
  void aValueThatIsNoStringIsEscapedAsItsText() {
    Object value = new Object() {
      @Override
      public String toString() {
        return "<3 & 4>";
      }
    };

    assertThat(SafeHtml.format("{0}", value).markup()).isEqualTo("&lt;3 &amp; 4&gt;");
  }
}
