package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every address of two outside corpora, the isemail test suite (443 tests) and python-email-validator's
 * syntax tests (156 inputs), with the outcome our rule gives it: {@code email-corpus.tsv} beside this
 * class says where each comes from, what that suite decided and, where we decide otherwise, why.
 * An accepted address must be stored as listed and survive {@link EmailAddress#displayed()}; a refused
 * one must be refused by the listed rule, which the message names.
 */
class EmailAddressCorpusTest {

  /** Each rule of DESIGN §3 by the words its message uses. */
  static final Map<String, String> RULES = Map.ofEntries(
      Map.entry("required", "an email address is required"),
      Map.entry("whitespace", "must not contain white space"),
      Map.entry("hidden", "must not contain control or invisible characters"),
      Map.entry("at", "must contain exactly one @"),
      Map.entry("local-empty", "needs a name before the @"),
      Map.entry("local-length", "the part before the @ may have at most 64 characters"),
      Map.entry("local-dots", "the part before the @ must not start or end with a dot"),
      Map.entry("local-chars", "the part before the @ may hold only letters, digits and"),
      Map.entry("domain-empty", "needs a domain after the @"),
      Map.entry("trailing-dot", "must not end with a dot"),
      Map.entry("two-labels", "needs at least two parts"),
      Map.entry("label-length", "each part of the domain must have 1 to 63 characters"),
      Map.entry("hyphen-edge", "must not start or end with a hyphen"),
      Map.entry("hyphen-34", "must not have hyphens as its third and fourth characters"),
      Map.entry("domain-chars", "the domain may hold only letters, digits, hyphens and dots"),
      Map.entry("numeric-tld", "the last part of the domain must not be all digits"),
      Map.entry("special-use", "are reserved and never receive mail"),
      Map.entry("total-length", "an email address may have at most 254 characters"),
      Map.entry("split", "stands for a dot and more"),
      Map.entry("leading-mark", "must not start with an accent or other combining mark"),
      Map.entry("idn-chars", "an internationalised domain may hold only letters, digits, accents and hyphens"),
      Map.entry("punycode", "is not a valid internationalised (Punycode) name"),
      Map.entry("idna2003", "is written differently in domain names"),
      Map.entry("not-normalised", "is not in the normal form of an internationalised name"),
      Map.entry("bidi", "mixes right-to-left and left-to-right writing"));

  /** One line of the corpus. */
  record Case(String source, String text, String expected, String note) {
    @Override
    public String toString() {
      return source + " " + expected;
    }
  }

  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = EmailAddressCorpusTest.class.getResourceAsStream("email-corpus.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        assertThat(columns).as(line).hasSize(4);
        cases.add(new Case(columns[0], unescape(columns[1]), columns[2], columns[3]));
      }
    }
    return cases;
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && text.charAt(i + 1) == 'u') {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\' && text.charAt(i + 1) == '\\') {
        out.append('\\');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void theCorpusIsCompleteAndEveryLineNamesAKnownOutcome() throws IOException {
    List<Case> cases = corpus();
    Map<String, Long> bySource = cases.stream()
        .collect(Collectors.groupingBy(c -> c.source().substring(0, c.source().indexOf(':')), Collectors.counting()));
    assertThat(bySource).containsEntry("isemail", 443L).containsEntry("email-validator", 156L);
    assertThat(cases).allSatisfy(c -> assertThat(c.expected()).satisfiesAnyOf(
        e -> assertThat(e).startsWith("valid "),
        e -> assertThat(RULES).containsKey(e.substring("invalid ".length()))));
    // Every difference from the other suite is explained.
    assertThat(cases.stream().filter(c -> c.note().contains("differs:"))).hasSize(64)
        .allSatisfy(c -> assertThat(c.note()).doesNotEndWith("differs: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachAddressGetsTheOutcomeOfOurRule(Case c) {
    if (c.expected().startsWith("valid ")) {
      String stored = c.expected().substring("valid ".length());
      EmailAddress email = EmailAddress.parse(c.text());
      assertThat(email).hasToString(stored);
      assertThat(EmailAddress.parse(email.displayed())).isEqualTo(email);
      assertThat(new EmailAddress(email.localPart(), email.domain())).isEqualTo(email);
      assertThat(EmailAddress.isValid(c.text())).isTrue();
    } else {
      String fragment = RULES.get(c.expected().substring("invalid ".length()));
      assertThatThrownBy(() -> EmailAddress.parse(c.text()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(fragment);
      assertThat(EmailAddress.isValid(c.text())).isFalse();
    }
  }
}
