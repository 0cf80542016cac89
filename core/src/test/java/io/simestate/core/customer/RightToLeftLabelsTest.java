package io.simestate.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which labels make a domain a bidi domain name (RFC 5893): any with a character of class R, AL or AN. */
class RightToLeftLabelsTest {

  @Test
  void aLabelIsRightToLeftExactlyWhenOneOfItsCharactersHasClassRAlOrAn() {
    List<String> disagreements = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        continue;
      }
      byte d = Character.getDirectionality(cp);
      boolean rightToLeft = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC || d == Character.DIRECTIONALITY_ARABIC_NUMBER;
      String label = "ab" + new String(Character.toChars(cp)) + "c";
      if (Idna.hasRightToLeft(label) != rightToLeft) {
        disagreements.add(Integer.toHexString(cp));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void anAsciiLabelIsNeverRightToLeft() {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      ascii.append(c);
    }
    assertThat(Idna.hasRightToLeft(ascii.toString())).isFalse();
    assertThat(Idna.hasRightToLeft("xn--mgbbop3h")).isFalse();
    assertThat(Idna.hasRightToLeft("مرحبا")).isTrue();
    assertThat(Idna.hasRightToLeft("north\u0660")).isTrue(); // an Arabic-Indic digit (AN)
  }
}
