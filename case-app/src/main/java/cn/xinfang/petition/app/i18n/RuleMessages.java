package cn.xinfang.petition.app.i18n;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.domain.CaseAction;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a refusal of the domain ({@link Rejection}: rule code and arguments) in a language:
 * {@code rule.<code>} from the bundles with {@code {0}}, {@code {1}}… replaced by the rendered
 * arguments. An enum argument is rendered by its own key ({@code action.SIGN}, {@code status.ACCEPTED},
 * {@code stage.OPINION}…) or its name when it has none; a list is joined with {@code list.separator};
 * a {@link Rejection.Part} is itself a message. Numbers and instants are written plainly.
 */
@Component
public class RuleMessages {

    /** The language of the Chinese detail of an answer. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The language of the English detail (the bundle without a suffix). */
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Class<?>, String> ENUM_KEYS = Map.of(
            CaseAction.class, "action.", CaseStatus.class, "status.", Stage.class, "stage.",
            MeetingKind.class, "meeting.", Track.class, "track.", NoticeKind.class, "notice.", Decision.class, "decision.",
            Category.class, "category.");

    private final MessageSource messages;

    public RuleMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal in {@code locale}. */
    public String render(Rejection rejection, Locale locale) {
        return render("rule." + rejection.code().code(), rejection.args(), locale);
    }

    /** The bundle's text of a rule code with no arguments (for the list of codes in the docs and tests). */
    public String template(RuleCode code, Locale locale) {
        return messages.getMessage("rule." + code.code(), null, locale);
    }

    /** Message {@code key} in {@code locale} with its placeholders replaced by the rendered arguments. */
    public String render(String key, List<Object> args, Locale locale) {
        if (key.isEmpty()) {
            return "";
        }
        // read without MessageFormat (null arguments): apostrophes and braces stay as written
        String pattern = messages.getMessage(key, null, locale);
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.size() ? arg(args.get(i), locale) : ""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String arg(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Rejection.Part p) {
            return render(p.key(), p.args(), locale);
        }
        if (value instanceof List<?> list) {
            String separator = messages.getMessage("list.separator", null, locale);
            StringBuilder b = new StringBuilder();
            for (Object o : list) {
                if (!b.isEmpty()) {
                    b.append(separator);
                }
                b.append(arg(o, locale));
            }
            return b.toString();
        }
        if (value instanceof LimitAmount a) {
            return render("limit." + a.unit().name(), List.of(a.amount()), locale);
        }
        if (value instanceof Enum<?> e) {
            String prefix = ENUM_KEYS.get(e.getDeclaringClass());
            if (prefix != null) {
                try {
                    return messages.getMessage(prefix + e.name(), null, locale);
                } catch (NoSuchMessageException missing) {
                    return e.name();
                }
            }
            return e.name();
        }
        return String.valueOf(value);
    }
}
