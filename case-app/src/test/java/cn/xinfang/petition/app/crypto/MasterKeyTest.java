package cn.xinfang.petition.app.crypto;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: where the master key comes from, and rotation (an old key still unwraps; the current one wraps). */
class MasterKeyTest {

    static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    @DisplayName("PostgreSQL 上未设置 CASES_MASTER_KEY 拒绝启动；格式错误的密钥也拒绝")
    void requiredOnPostgres() {
        assertThatThrownBy(() -> new MasterKey("", "", "", "jdbc:postgresql://127.0.0.1:5432/petition"))
                .hasMessageContaining("CASES_MASTER_KEY");
        assertThatThrownBy(() -> new MasterKey("not base64!", "", "", "jdbc:postgresql://x/y")).hasMessageContaining("Base64");
        assertThatThrownBy(() -> new MasterKey(Base64.getEncoder().encodeToString(new byte[16]), "", "", "jdbc:postgresql://x/y"))
                .hasMessageContaining("32 bytes");
    }

    @Test
    @DisplayName("内嵌 H2 文件库：首次启动在数据库旁生成密钥文件，之后读取同一把")
    void generatedNextToTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/petition") + ";MODE=PostgreSQL";
        MasterKey first = new MasterKey("", "", "", url);
        Path file = dir.resolve("data/petition.master.key");
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        MasterKey again = new MasterKey("", "", "", url);
        assertThat(again.id()).isEqualTo(first.id());
        String wrapped = first.wrap(new byte[32], "person-1");
        assertThat(again.unwrap(wrapped, "person-1", first.id())).isEqualTo(new byte[32]);
    }

    @Test
    @DisplayName("轮换：旧主密钥包装的数据密钥在配置为 previous 时仍可解开，新包装用当前主密钥；绑定 key id")
    void rotation() {
        MasterKey old = new MasterKey(KEY_A, "", "", "jdbc:postgresql://x/y");
        byte[] dataKey = "a data key of 32 bytes, exactly!".getBytes();
        String wrapped = old.wrap(dataKey, "person-1");
        MasterKey rotated = new MasterKey(KEY_B, "", KEY_A, "jdbc:postgresql://x/y");
        assertThat(rotated.previousIds()).containsExactly(old.id());
        assertThat(rotated.unwrap(wrapped, "person-1", old.id())).isEqualTo(dataKey);
        assertThat(rotated.unwrap(rotated.wrap(dataKey, "person-1"), "person-1", rotated.id())).isEqualTo(dataKey);
        assertThatThrownBy(() -> rotated.unwrap(wrapped, "person-2", old.id())).as("bound to its key id").isInstanceOf(IllegalStateException.class);
        MasterKey withoutOld = new MasterKey(KEY_B, "", "", "jdbc:postgresql://x/y");
        assertThatThrownBy(() -> withoutOld.unwrap(wrapped, "person-1", old.id())).hasMessageContaining("not configured");
    }
}
