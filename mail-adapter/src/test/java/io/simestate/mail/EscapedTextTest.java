package io.simestate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/**
 * Whatever text goes into HTML through {@link SafeHtml}, it cannot add markup: no markup character
 * survives escaping, the escaped text reads back as the cleaned text, and a value goes into a
 * placeholder exactly as escaping it alone would give.
 */
class EscapedTextTest {

  @Property(tries = 500)
  void escapedTextHasNoMarkupCharacterAndReadsBackAsTheCleanedText(
      @ForAll @Chars({'<', '>', '&', '"', '\'', '{', '}', '\n', '\r', '\u202E', '\u0000', ';', '#'})
      @CharRange(from = ' ', to = '~') @CharRange(from = '\u00A0', to = '\u2FFF') String untrusted) {
    String markup = SafeHtml.escape(untrusted).markup();

    assertThat(markup).doesNotContain("<", ">", "\"", "'");
    assertThat(markup.replaceAll("&(?!amp;|lt;|gt;|quot;|#39;)", "")).isEqualTo(markup);
    assertThat(unescape(markup)).isEqualTo(UntrustedText.multiLine(untrusted));
  }

  @Property(tries = 200)
  void aValueInAPlaceholderIsTheValueEscapedAndMarkupWithoutPlaceholdersStaysAsItIs(
      @ForAll String value, @ForAll @Chars({'<', '>', 'p', '/', '"', '=', ' ', '}', 'a'}) String markup) {
    SafeHtml filled = SafeHtml.format("{0}", value);

    assertThat(filled).isEqualTo(SafeHtml.escape(value)).hasSameHashCodeAs(SafeHtml.escape(value));
    assertThat(SafeHtml.format(markup, value, SafeHtml.trusted("<b>")).markup()).isEqualTo(markup);
    assertThat(SafeHtml.concat(List.of(SafeHtml.trusted(markup), filled)).markup())
        .isEqualTo(markup + SafeHtml.escape(value).markup());
  }

  private static String unescape(String markup) {
    return markup.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
