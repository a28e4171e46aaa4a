package cn.xinfang.petition.app.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages speak from the message bundles only: both bundles have the same keys, every key a
 * template names exists, and no template holds a Chinese or English sentence of its own (text
 * that a {@code th:text} replaces is a placeholder and does not count).
 */
class I18nTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Two Latin letters in a row, or any CJK character: words, as opposed to punctuation and numbers. */
    static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}|[\\u3400-\\u9fff\\uf900-\\ufaff]");
    /** A tag, its attributes quoted (a '>' inside an attribute, as in th:if="${a > 1}", does not end it). */
    static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))?)*)\\s*(/?)>");
    static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(title|placeholder|aria-label|alt|label|value)=\"([^\"]*)\"");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    @DisplayName("中英文两份消息文件的键完全相同")
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(bundle("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        assertThat(zh).as("keys only in messages_zh_CN.properties").containsAll(en);
        assertThat(en).as("keys only in messages.properties").containsAll(zh);
        assertThat(zh).isNotEmpty();
    }

    @Test
    @DisplayName("每个重点领域在两份消息文件中都有名称")
    void everyKeyFieldHasALabel() throws IOException {
        for (String bundle : List.of("messages_zh_CN.properties", "messages.properties")) {
            Properties p = bundle(bundle);
            for (cn.xinfang.petition.api.KeyField k : cn.xinfang.petition.api.KeyField.values()) {
                assertThat(p.getProperty("label.field." + k.name())).as(bundle + ": label.field." + k).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("模板引用的每个消息键都存在")
    void everyKeyATemplateNamesExists() throws IOException {
        Properties zh = bundle("messages_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        Pattern key = Pattern.compile("#\\{((?:ui|label)\\.[A-Za-z0-9_.]+)[}(]");
        for (Path t : templates()) {
            Matcher m = key.matcher(Files.readString(t));
            while (m.find()) {
                if (!zh.containsKey(m.group(1))) {
                    missing.add(t.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("模板中没有写死的中文或英文句子")
    void noTemplateHoldsLiteralText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : templates()) {
            String html = Files.readString(t).replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script[^>]*>.*?</script>", "")
                    .replaceAll("(?i)<!DOCTYPE[^>]*>", "");
            Matcher m = TAG.matcher(html);
            int last = 0;
            boolean replaced = false; // the previous tag opens an element whose text th:text / th:utext replaces
            while (m.find()) {
                String text = html.substring(last, m.start()).replace("&nbsp;", " ").trim();
                if (!replaced && WORDS.matcher(text).find()) {
                    found.add(t.getFileName() + ": text \"" + text + "\"");
                }
                boolean opening = m.group(1).isEmpty() && m.group(4).isEmpty();
                replaced = opening && (m.group(3).contains("th:text=") || m.group(3).contains("th:utext="));
                Matcher a = VISIBLE_ATTRIBUTE.matcher(m.group(3));
                while (a.find()) {
                    if (WORDS.matcher(a.group(2)).find() && !a.group(2).startsWith("${") && !isCode(a.group(1), a.group(2))) {
                        found.add(t.getFileName() + ": " + a.group(1) + "=\"" + a.group(2) + "\"");
                    }
                }
                last = m.end();
            }
        }
        assertThat(found).as("literal text in templates (use a message key)").isEmpty();
    }

    /** A form value that is a code sent to the server, not text shown to a person. */
    private static boolean isCode(String attribute, String value) {
        return attribute.equals("value") && value.matches("[A-Za-z0-9_]+");
    }
}
