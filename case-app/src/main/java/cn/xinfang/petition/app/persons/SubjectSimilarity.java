package cn.xinfang.petition.app.persons;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * 重复访 (issue 15): how alike two subjects are – the Jaccard index of their sets of character
 * bigrams, after spaces and punctuation are removed. 「拖欠工资 张三工地」 and 「张三工地拖欠工资问题」
 * share 6 of 10 bigrams (0.6).
 */
public final class SubjectSimilarity {

    private SubjectSimilarity() {
    }

    /** The distinct bigrams of {@code subject} with everything but letters and digits removed. */
    public static Set<String> bigrams(String subject) {
        StringBuilder kept = new StringBuilder();
        subject.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        int[] cps = kept.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** |A ∩ B| / |A ∪ B| over the bigrams; 0 when both have none. */
    public static double jaccard(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        Set<String> union = new LinkedHashSet<>(x);
        union.addAll(y);
        if (union.isEmpty()) {
            return 0;
        }
        long shared = x.stream().filter(y::contains).count();
        return (double) shared / union.size();
    }
}
