package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.ResidentIdNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible content for the cases the benchmark creates, so that payloads, rows and JSON bodies
 * have the size of real ones (a subject of a dozen characters, a content of about 150).
 */
final class Samples {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"建国", "秀英", "伟", "芳", "军", "敏", "磊", "丽", "强", "静"};
    private static final String[] SUBJECTS = {"宅基地边界纠纷", "拖欠农民工工资", "低保资格复核", "道路扬尘扰民", "土地承包经营权争议",
            "邻里排水纠纷", "养老保险待遇核定", "危房改造补助", "村务公开不及时", "山林权属争议"};
    private static final String CONTENT = "信访人反映：%s一事长期未得到解决，已多次向村委会反映，村委会答复需报镇里协调。"
            + "信访人要求有关部门依法依规调查核实，明确处理意见并书面答复，同时希望在办理过程中当面听取其意见。"
            + "信访人表示如处理结果不合理将继续逐级反映。经办人已告知信访事项的受理范围和办理时限。";

    /** Valid resident ID numbers (GB 11643-1999), made once: the check character is whichever the service accepts. */
    private static final List<String> ID_NUMBERS = idNumbers();

    private final Random random;

    Samples(long seed) {
        this.random = new Random(seed);
    }

    private static List<String> idNumbers() {
        Random random = new Random(11643);
        List<String> ids = new ArrayList<>();
        while (ids.size() < 500) {
            String head = String.format("410122%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(1000));
            for (char c : "0123456789X".toCharArray()) {
                try {
                    ids.add(ResidentIdNumber.normalize(head + c));
                    break;
                } catch (IllegalArgumentException wrongCheck) {
                    // try the next check character
                }
            }
        }
        return List.copyOf(ids);
    }

    Petitioner petitioner() {
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
        return new Petitioner(name, ID_NUMBERS.get(random.nextInt(ID_NUMBERS.size())), phone, "曹庙镇" + (1 + random.nextInt(20)) + "村");
    }

    String subject() {
        return SUBJECTS[random.nextInt(SUBJECTS.length)];
    }

    String content(String subject) {
        return String.format(CONTENT, subject);
    }

    Random random() {
        return random;
    }
}
