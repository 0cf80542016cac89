package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Scenarios;
import io.simestate.core.TenantId;
import io.simestate.core.estate.SimEstate;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The folding rule of customer names, for all inputs: two names that a reader sees as the same get
 * the same key (so the second is a duplicate), and the key is a fixed point of folding.
 */
class NameFoldingProperties {

  /** Characters a reader cannot see, inserted anywhere. */
  private static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u00AD", "\u2060", "\uFEFF",
      "\u200E", "\u200F", "\u034F", "\uFE0F", "\uFE00", "\u180E", "\u3164", "\u2064", "\uDB40\uDC20");
  /** White space that renders as a gap, used between words. */
  private static final List<String> GAPS = List.of(" ", "  ", "\t", "\u00A0", "\u2002", "\u2003", "\u2009", "\u202F",
      "\u205F", "\u3000", " \u200B ", "\u2800");

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> word = Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars("&.'-\u00E4\u00F6\u00FC\u00C9\u00DF\u0153\u00E7\u00F1\u00E5\u0107\u03C3\u03A3\u0436\u6771\u4EAC")
        .ofMinLength(1).ofMaxLength(10);
    return word.list().ofMinSize(1).ofMaxSize(5).map(w -> String.join(" ", w)).filter(s -> s.length() <= 60);
  }

  /** Re-types a name the way it can look identical: invisible characters, other gaps, case, forms. */
  private static String lookAlike(String name, long seed) {
    Random r = new Random(seed);
    StringBuilder out = new StringBuilder();
    String source = r.nextBoolean() ? Normalizer.normalize(name, Normalizer.Form.NFD) : name;
    for (int i = 0; i < source.length(); ) {
      int cp = source.codePointAt(i);
      i += Character.charCount(cp);
      if (r.nextInt(4) == 0) {
        out.append(INVISIBLE.get(r.nextInt(INVISIBLE.size())));
      }
      if (cp == ' ') {
        out.append(GAPS.get(r.nextInt(GAPS.size())));
        continue;
      }
      String c = new String(Character.toChars(cp));
      switch (r.nextInt(4)) {
        case 0 -> c = c.toUpperCase(Locale.ROOT);
        case 1 -> c = c.toLowerCase(Locale.ROOT);
        case 2 -> c = fullWidth(c);
        default -> { }
      }
      out.append(c);
    }
    if (r.nextBoolean()) {
      out.append(INVISIBLE.get(r.nextInt(INVISIBLE.size())));
    }
    return out.toString();
  }

  /** The full-width compatibility form of an ASCII letter or digit, which NFKC maps back. */
  private static String fullWidth(String c) {
    char ch = c.charAt(0);
    return c.length() == 1 && ch >= '!' && ch <= '~' ? String.valueOf((char) (ch - '!' + '\uFF01')) : c;
  }

  @Property(tries = 500)
  void aNameReTypedToLookTheSameHasTheSameKey(@ForAll("names") String name, @ForAll long seed) {
    String twin = lookAlike(name, seed);
    assertThat(CustomerName.parse(twin).key())
        .as("key of %s", escape(twin))
        .isEqualTo(CustomerName.parse(name).key());
  }

  @Property(tries = 100)
  void aNameReTypedToLookTheSameIsADuplicateInTheEstate(@ForAll("names") String name, @ForAll long seed) {
    SimEstate estate = Scenarios.estate();
    TenantId tenant = Scenarios.ACME;
    estate.customers().create(tenant, Scenarios.ALICE, CustomerDetails.named(name));
    String twin = lookAlike(name, seed);
    assertThatThrownBy(() -> estate.customers().create(tenant, Scenarios.ALICE, CustomerDetails.named(twin)))
        .as("creating %s beside %s", escape(twin), escape(name))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
  }

  @Property(tries = 1000)
  void theKeyIsAFixedPointOfFolding(@ForAll String text) {
    CustomerName name;
    try {
      name = CustomerName.parse(text);
    } catch (InvalidInputException refused) {
      return;
    }
    assertThat(CustomerName.searchKey(name.key())).isEqualTo(name.key());
    assertThat(CustomerName.searchKey(name.value())).isEqualTo(name.key());
  }

  @Property(tries = 1000)
  void foldingAnyTextTwiceIsFoldingItOnce(@ForAll("unicode") String text) {
    String once = CustomerName.searchKey(text);
    assertThat(CustomerName.searchKey(once)).isEqualTo(once);
  }

  @Provide
  Arbitrary<String> unicode() {
    Arbitrary<String> tricky = Arbitraries.of("\u1E9E", "\u00DF", "\u0130", "\u0131", "\u03A3", "\u03C2", "\u0345",
        "\uFB01", "\uFB03", "\u2126", "\u212B", "\uD835\uDC00", "\u1F88", "\u0149", "\u01C5", "\uFDFA", "\u337F", "\u2460", "\u00BD",
        "\u0301", "\u0308", "\u200B", "\u00AD", "\u3164", "\u2800", " ", "\t", "\u00A0", "A", "s", "S");
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        tricky.list().ofMaxSize(12).map(l -> String.join("", l)));
  }

  @Property(tries = 300)
  void aVisibleDifferenceKeepsTheKeysApart(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 9) int digit) {
    // Appending a word is visible, so it must change the key.
    assertThat(CustomerName.parse(name + " " + digit).key()).isNotEqualTo(CustomerName.parse(name).key());
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> out.append(cp < 0x7F && cp >= 0x20 ? String.valueOf((char) cp)
        : String.format("\\u{%X}", cp)));
    return out.toString();
  }
}
