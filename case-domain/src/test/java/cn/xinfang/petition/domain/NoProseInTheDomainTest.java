package cn.xinfang.petition.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain speaks in rule codes: no Chinese and no English sentence in a string literal of the
 * aggregate, the lifecycle or the commands. The words are the service's (its message bundles).
 */
class NoProseInTheDomainTest {

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Three words or more in a row: a sentence, not a key or a field name. */
    private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]+\\s+[A-Za-z]+\\s+[A-Za-z]+");

    @Test
    @DisplayName("领域层与命令中没有中文或英文句子，只有规则代码")
    void noSentenceLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("src/main/java/cn/xinfang/petition/domain", "src/main/java/cn/xinfang/petition/api/command")) {
            Path root = Path.of(dir);
            assertThat(root).as("run from the case-domain module").isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = stripComments(Files.readString(file, StandardCharsets.UTF_8));
                    Matcher m = LITERAL.matcher(code);
                    while (m.find()) {
                        String text = m.group(1);
                        if (CJK.matcher(text).find() || SENTENCE.matcher(text).find()) {
                            found.add(file.getFileName() + ": \"" + text + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        String sample = stripComments("/* 注释 \"不算\" */ String a = \"不能签收\"; // \"the case is closed\"\n String b = \"the case is closed\";");
        Matcher m = LITERAL.matcher(sample);
        List<String> literals = new ArrayList<>();
        while (m.find()) {
            literals.add(m.group(1));
        }
        assertThat(literals).containsExactly("不能签收", "the case is closed");
        assertThat(CJK.matcher(literals.get(0)).find()).isTrue();
        assertThat(SENTENCE.matcher(literals.get(1)).find()).isTrue();
        assertThat(SENTENCE.matcher("rule.part.allowed-now").find()).isFalse();
    }

    /** Removes block and line comments (Javadoc speaks Chinese on purpose), keeping string literals. */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != '"') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(j + 1, source.length()));
                i = j + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(j + 1, source.length()));
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
