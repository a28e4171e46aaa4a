package cn.xinfang.petition.app.persons;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 重复访: the two examples, counted by hand. */
class SubjectSimilarityTest {

    @Test
    @DisplayName("「拖欠工资 张三工地」与「张三工地拖欠工资问题」：10 个二元组中共有 6 个（0.6 ≥ 0.5）→ 重复访")
    void theWageExampleIsARepeat() {
        // 拖欠工资张三工地: 拖欠 欠工 工资 资张 张三 三工 工地 (7)
        assertThat(SubjectSimilarity.bigrams("拖欠工资 张三工地")).containsExactly("拖欠", "欠工", "工资", "资张", "张三", "三工", "工地");
        // 张三工地拖欠工资问题: 张三 三工 工地 地拖 拖欠 欠工 工资 资问 问题 (9); shared: 拖欠 欠工 工资 张三 三工 工地 (6); union 7 + 9 - 6 = 10
        assertThat(SubjectSimilarity.bigrams("张三工地拖欠工资问题")).hasSize(9);
        assertThat(SubjectSimilarity.jaccard("拖欠工资 张三工地", "张三工地拖欠工资问题")).isEqualTo(0.6);
    }

    @Test
    @DisplayName("「路灯不亮」与「拖欠工资 张三工地」：没有共同的二元组 → 不是重复访")
    void theStreetLightIsNot() {
        assertThat(SubjectSimilarity.jaccard("拖欠工资 张三工地", "路灯不亮")).isEqualTo(0.0);
    }

    @Test
    @DisplayName("空格与标点不计")
    void spacesAndPunctuationAreRemoved() {
        assertThat(SubjectSimilarity.jaccard("拖欠，工资！", "拖欠工资")).isEqualTo(1.0);
        assertThat(SubjectSimilarity.jaccard("。", "，")).isEqualTo(0.0);
    }
}
