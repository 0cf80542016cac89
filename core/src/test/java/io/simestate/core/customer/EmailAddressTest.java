package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The email address rules of DESIGN §3, one rule per test, plus properties over generated addresses. */
class EmailAddressTest {

  private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

  private static void assertRefused(String text) {
    assertThatThrownBy(() -> EmailAddress.parse(text))
        .as("should refuse %s", text)
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).isNotEmpty());
    assertThat(EmailAddress.isValid(text)).isFalse();
  }

  @Nested
  class LocalPart {

    @Test
    void acceptsLettersDigitsAndEveryAtextSpecial() {
      String local = "a" + ATEXT_SPECIALS + "9";
      EmailAddress email = EmailAddress.parse(local + "@example.com");
      assertThat(email.localPart()).isEqualTo(local);
    }

    @Test
    void acceptsDotsBetweenAtoms() {
      assertThat(EmailAddress.parse("first.middle.last@example.com").localPart()).isEqualTo("first.middle.last");
    }

    @ParameterizedTest
    @ValueSource(strings = {".ana@example.com", "ana.@example.com", "an..a@example.com", ".@example.com"})
    void refusesLeadingTrailingOrDoubledDots(String text) {
      assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ana\"@example.com", "\"ana lopez\"@example.com", "ana(comment)@example.com",
        "ana,b@example.com", "ana;b@example.com", "ana<b>@example.com", "ana[1]@example.com", "ana\\b@example.com",
        "ana:b@example.com", "anä@example.com", "ана@example.com"})
    void refusesQuotedLocalPartsAndCharactersOutsideTheDotAtom(String text) {
      assertRefused(text);
    }

    @Test
    void acceptsSixtyFourCharactersAndRefusesSixtyFive() {
      assertThat(EmailAddress.parse("a".repeat(64) + "@example.com").localPart()).hasSize(64);
      assertRefused("a".repeat(65) + "@example.com");
    }

    @Test
    void refusesAnEmptyLocalPart() {
      assertRefused("@example.com");
    }

    @Test
    void keepsTheCaseOfTheLocalPart() {
      EmailAddress upper = EmailAddress.parse("Ana.Lopez@example.com");
      assertThat(upper.localPart()).isEqualTo("Ana.Lopez");
      assertThat(upper).isNotEqualTo(EmailAddress.parse("ana.lopez@example.com"));
    }
  }

  @Nested
  class Domain {

    @Test
    void needsAtLeastTwoLabels() {
      assertRefused("ana@localhost");
      assertThat(EmailAddress.parse("ana@example.com").domain()).isEqualTo("example.com");
    }

    @Test
    void acceptsSixtyThreeCharacterLabelsAndRefusesSixtyFour() {
      assertThat(EmailAddress.parse("ana@" + "d".repeat(63) + ".com").domain()).startsWith("d".repeat(63));
      assertRefused("ana@" + "d".repeat(64) + ".com");
      assertRefused("ana@example." + "c".repeat(64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example..com", "ana@.example.com", "ana@", "ana@example.com.", "ana@example.com。",
        "ana@example.com．", "ana@bücher.example."})
    void refusesEmptyLabelsAndATrailingDot(String text) {
      assertRefused(text);
    }

    @Test
    void acceptsHyphensInsideLabels() {
      assertThat(EmailAddress.parse("ana@north-wind.co-op.example").domain()).isEqualTo("north-wind.co-op.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@-northwind.example", "ana@northwind-.example", "ana@northwind.-example",
        "ana@northwind.example-"})
    void refusesLabelsStartingOrEndingWithAHyphen(String text) {
      assertRefused(text);
    }

    @Test
    void refusesALastLabelOfDigitsOnly() {
      assertRefused("ana@example.123");
      assertThat(EmailAddress.parse("ana@123.example").domain()).isEqualTo("123.example");
      assertThat(EmailAddress.parse("ana@example.c0m").domain()).isEqualTo("example.c0m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@[192.168.0.1]", "ana@192.168.0.1", "ana@[IPv6:2001:db8::1]", "ana@10.0.0.1"})
    void refusesIpLiterals(String text) {
      assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@north_wind.example", "ana@north!wind.example", "ana@north/wind.example",
        "ana@north%wind.example"})
    void refusesOtherCharactersInTheDomain(String text) {
      assertRefused(text);
    }

    @Test
    void convertsAnInternationalisedDomainToItsAsciiForm() {
      assertThat(EmailAddress.parse("ana@bücher.example").toString()).isEqualTo("ana@xn--bcher-kva.example");
      assertThat(EmailAddress.parse("ana@例え.テスト").domain()).isEqualTo("xn--r8jz45g.xn--zckzah");
      assertThat(EmailAddress.parse("ana@BÜCHER.example")).isEqualTo(EmailAddress.parse("ana@xn--bcher-kva.example"));
    }

    @Test
    void showsAnInternationalisedDomainToPeopleInUnicode() {
      assertThat(EmailAddress.parse("Ana@BÜCHER.example").displayed()).isEqualTo("Ana@bücher.example");
      assertThat(EmailAddress.parse("ana@例え.テスト").displayed()).isEqualTo("ana@例え.テスト");
      assertThat(EmailAddress.parse("ana@xn--bcher-kva.example").displayed()).isEqualTo("ana@bücher.example");
    }

    @Test
    void showsAnAsciiDomainAsStored() {
      assertThat(EmailAddress.parse("Ana.Fleet@North-Wind.example").displayed()).isEqualTo("Ana.Fleet@north-wind.example");
    }

    @Test
    void refusesAnInternationalisedLabelThatIsTooLongInAsciiForm() {
      assertRefused("ana@" + "ü".repeat(60) + ".example");
    }

    @Test
    void comparesTheDomainIgnoringCase() {
      EmailAddress mixed = EmailAddress.parse("Ana@NorthWind.EXAMPLE");
      assertThat(mixed).isEqualTo(EmailAddress.parse("Ana@northwind.example"));
      assertThat(mixed.domain()).isEqualTo("northwind.example");
      assertThat(mixed).hasToString("Ana@northwind.example");
    }

    @Test
    void constructorRefusesAnUpperCaseDomain() {
      assertThatThrownBy(() -> new EmailAddress("ana", "Example.com")).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> new EmailAddress(null, "example.com")).isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  class Length {

    @Test
    void acceptsTwoHundredFiftyFourCharactersAndRefusesTwoHundredFiftyFive() {
      String domain254 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".com";
      String ok = "l".repeat(64) + "@" + domain254;
      assertThat(ok).hasSize(254);
      assertThat(EmailAddress.parse(ok).toString()).hasSize(254);
      String tooLong = "l".repeat(64) + "@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(58) + ".com";
      assertThat(tooLong).hasSize(255);
      assertRefused(tooLong);
    }

    @Test
    void countsTheAsciiFormOfAnInternationalisedDomain() {
      // 60 + "@" + unicode domain that is short in Unicode but longer than 254 in total once converted
      String label = "ü" + "a".repeat(50);
      String domain = label + "." + label + "." + label + "." + label + ".example";
      String text = "l".repeat(20) + "@" + domain;
      assertThat(text.length()).isLessThanOrEqualTo(254);
      assertRefused(text);
    }
  }

  @Nested
  class HiddenCharacters {

    @ParameterizedTest
    @ValueSource(strings = {"an a@example.com", "ana@exa mple.com", "ana\t@example.com", "ana@example.com\r\nBcc: eve@evil.example",
        "ana\n@example.com", "ana\u00a0@example.com", "ana@example\u3000.com", "ana@ex\u2028ample.com"})
    void refusesWhiteSpaceInside(String text) {
      assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana\u0000@example.com", "ana@exa\u0007mple.com", "ana\u007f@example.com",
        "ana@example\u0085.com", "ana@example.com\u0000"})
    void refusesControlCharacters(String text) {
      assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"an\u200ba@example.com", "ana@exa\u200bmple.com", "ana@exa\u200dmple.com",
        "ana@exa\u00admple.com", "ana@exa\ufeffmple.com", "ana@\u202eelpmaxe.com", "ana\u202e@example.com",
        "ana@exam\u2066ple.com", "ana@bü\u200bcher.example", "ana@bü\u200ccher.example", "\ufeffana@example.com"})
    void refusesZeroWidthAndBidiFormatCharactersBeforeIdnaCouldDropThem(String text) {
      // IDNA 2003 would silently map several of these (soft hyphen, zero-width joiners) to nothing
      assertRefused(text);
    }

    @Test
    void refusesUnpairedSurrogatesAndPrivateUseCharacters() {
      assertRefused("ana@exa\ud800mple.com");
      assertRefused("ana@exa\ue000mple.com");
    }

    @Test
    void trimsSurroundingWhiteSpace() {
      assertThat(EmailAddress.parse("  \tana@example.com \r\n")).isEqualTo(EmailAddress.parse("ana@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\r\n"})
    void refusesBlankText(String text) {
      assertRefused(text);
    }

    @Test
    void refusesNullWithTheLibrarysException() {
      assertRefused(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@b@example.com", "ana@@example.com", "ana@example.com@"})
    void needsExactlyOneAt(String text) {
      assertRefused(text);
    }
  }

  @Test
  void masksTheLocalPartForLogs() {
    assertThat(EmailAddress.parse("Ana.Lopez@Example.com").masked()).isEqualTo("A***@example.com");
    assertThat(EmailAddress.parse("a@example.com").masked()).isEqualTo("a***@example.com");
    assertThat(EmailAddress.parse("ana.lopez@example.com").masked()).doesNotContain("lopez");
  }

  @Test
  void toStringIsTheCanonicalForm() {
    assertThat(EmailAddress.parse(" Ana@Bücher.Example ")).hasToString("Ana@xn--bcher-kva.example");
  }

  // ---- properties -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> localParts() {
    Arbitrary<String> atom = Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars(ATEXT_SPECIALS)
        .ofMinLength(1).ofMaxLength(12);
    return atom.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l)).filter(s -> s.length() <= 64);
  }

  @Provide
  Arbitrary<String> domains() {
    Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
        .ofMinLength(1).ofMaxLength(20).filter(s -> !s.startsWith("-") && !s.endsWith("-"));
    Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld)
        .as((labels, last) -> String.join(".", labels) + "." + last);
  }

  @Property
  void everyDotAtomAtAValidDomainIsAcceptedAndRoundTrips(@ForAll("localParts") String local,
      @ForAll("domains") String domain) {
    EmailAddress email = EmailAddress.parse(local + "@" + domain);
    assertThat(email.localPart()).isEqualTo(local);
    assertThat(email.domain()).isEqualTo(domain);
    assertThat(EmailAddress.parse(email.toString())).isEqualTo(email);
  }

  @Property
  void domainCaseNeverMattersAndLocalCaseAlwaysIsKept(@ForAll("localParts") String local,
      @ForAll("domains") String domain) {
    EmailAddress lower = EmailAddress.parse(local + "@" + domain);
    EmailAddress upper = EmailAddress.parse(local + "@" + domain.toUpperCase(java.util.Locale.ROOT));
    assertThat(upper).isEqualTo(lower);
    assertThat(upper.hashCode()).isEqualTo(lower.hashCode());
    assertThat(upper.localPart()).isEqualTo(local);
  }

  private static final List<Character> HIDDEN = List.of(' ', '\t', '\r', '\n', '\u0000', '\u001b', '\u007f',
      '\u0085', '\u00a0', '\u00ad', '\u061c', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028',
      '\u2029', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\u3000', '\ufeff');

  @Property
  void aHiddenCharacterAnywhereInsideIsRefused(@ForAll("localParts") String local, @ForAll("domains") String domain,
      @ForAll("hidden") char hidden, @ForAll @IntRange(min = 0, max = 10_000) int where) {
    String text = local + "@" + domain;
    int at = 1 + where % (text.length() - 1);
    String broken = text.substring(0, at) + hidden + text.substring(at);
    assertRefused(broken);
  }

  @Provide
  Arbitrary<Character> hidden() {
    return Arbitraries.of(HIDDEN);
  }

  @Property
  void whateverIsAcceptedIsCanonicalAscii(@ForAll String text) {
    if (!EmailAddress.isValid(text)) {
      return;
    }
    EmailAddress email = EmailAddress.parse(text);
    String canonical = email.toString();
    assertThat(canonical.length()).isLessThanOrEqualTo(254);
    assertThat(email.localPart().length()).isBetween(1, 64);
    assertThat(canonical.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
    assertThat(email.domain()).isEqualTo(email.domain().toLowerCase(java.util.Locale.ROOT));
  }

  @Property(tries = 300)
  void internationalisedDomainsAlwaysComeOutInAscii(@ForAll("localParts") String local,
      @ForAll("unicodeLabels") String label, @ForAll("domains") String rest) {
    String text = local + "@" + label + "." + rest;
    if (!EmailAddress.isValid(text)) {
      return;
    }
    EmailAddress email = EmailAddress.parse(text);
    assertThat(email.domain()).startsWith("xn--").endsWith("." + rest);
    assertThat(email.domain().chars()).allMatch(c -> c < 0x80);
  }

  @Property(tries = 300)
  void theDisplayedFormParsesBackToTheSameAddress(@ForAll("localParts") String local,
      @ForAll("unicodeLabels") String label, @ForAll("domains") String rest) {
    String text = local + "@" + label + "." + rest;
    if (!EmailAddress.isValid(text)) {
      return;
    }
    EmailAddress email = EmailAddress.parse(text);
    assertThat(EmailAddress.parse(email.displayed())).isEqualTo(email);
    assertThat(email.displayed()).startsWith(local + "@").endsWith("." + rest).isNotEqualTo(email.toString());
  }

  @Provide
  Arbitrary<String> unicodeLabels() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars("äöüéñçøåßœ").ofMinLength(1).ofMaxLength(15)
        .filter(s -> s.chars().anyMatch(c -> c >= 0x80 && c != 'ß'));
  }
}
