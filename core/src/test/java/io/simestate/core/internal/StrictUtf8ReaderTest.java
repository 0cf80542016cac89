package io.simestate.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * StrictUtf8Reader's own contract on its byte order mark: skipped at the start of the bytes, kept
 * (as the zero-width no-break space it then is) anywhere else. The refusals of bytes that are not
 * UTF-8 are tested through the CSV import ({@code CsvImportTest}), which words them for the user.
 */
class StrictUtf8ReaderTest {

  private static String read(byte[] bytes) throws IOException {
    StringWriter out = new StringWriter();
    try (Reader in = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
      in.transferTo(out);
    }
    return out.toString();
  }

  @Test
  void aByteOrderMarkIsSkippedAtTheStartOnly() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "a\uFEFFb".getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, bom.length);
    System.arraycopy(text, 0, both, bom.length, text.length);

    assertThat(read(both)).isEqualTo("a\uFEFFb");
    assertThat(read(text)).isEqualTo("a\uFEFFb");
    assertThat(read(bom)).isEmpty();
  }
}
