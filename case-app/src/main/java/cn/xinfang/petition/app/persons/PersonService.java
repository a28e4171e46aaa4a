package cn.xinfang.petition.app.persons;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.cases.Accusations;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.cases.PersonalDataAccessLog;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static cn.xinfang.petition.projection.support.Sql.instant;

/**
 * 信访人 and 重点群体 (issue 15): finds persons by name, whole ID number (through its keyed hash) or
 * phone; shows one with their cases and visits; sets their key groups (a configurable list of
 * codes); and finds the earlier cases a new petition repeats (重复访: same person, same category,
 * subjects sharing at least the configured share of their bigrams).
 */
@Service
public class PersonService {

    /** The key groups of the notice (重点群体), the default of {@code cases.persons.groups}. */
    public static final String DEFAULT_GROUPS = "FORMER_VILLAGE_CADRES,GREEN_CORRIDOR_GROWERS,RURAL_ELECTRICIANS,MILITARY_RELATED,"
            + "CIVIL_RELIEF_STATION_STAFF,CIVIL_AFFAIRS_ACCOUNTANTS,TOWNSHIP_AGRI_TECHNICIANS,ANIMAL_QUARANTINE_OFFICERS";

    private final JdbcTemplate jdbc;
    private final PersonIdentity identity;
    private final CaseAccessPolicy access;
    private final Accusations accusations;
    private final PersonalDataAccessLog accessLog;
    private final Clock clock;
    private final List<String> groups;
    private final double repeatThreshold;

    public PersonService(JdbcTemplate jdbc, PersonIdentity identity, CaseAccessPolicy access, Accusations accusations,
                         PersonalDataAccessLog accessLog, Clock clock,
                         @Value("${cases.persons.groups:" + DEFAULT_GROUPS + "}") List<String> groups,
                         @Value("${cases.persons.repeat-threshold:0.5}") double repeatThreshold) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.access = access;
        this.accusations = accusations;
        this.accessLog = accessLog;
        this.clock = clock;
        this.groups = groups.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.repeatThreshold = repeatThreshold;
    }

    /** The key group codes in force. */
    public List<String> groups() {
        return groups;
    }

    /** Persons matching {@code q}: a whole ID number, a phone number, or (otherwise) part of a name; all when blank. */
    public List<PersonView> search(Account who, String q, boolean reveal) {
        requireRevealIfAsked(who, reveal);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        String text = q == null ? "" : q.trim();
        if (!text.isEmpty()) {
            Optional<String> id = normalised(() -> ResidentIdNumber.normalize(text));
            Optional<String> phone = normalised(() -> PhoneNumber.normalize(text));
            if (id.isPresent()) {
                where.append(" and p.id_hash = ?");
                args.add(identity.idNumberHash(id.get()));
            } else if (phone.isPresent()) {
                where.append(" and p.phone = ?");
                args.add(phone.get());
            } else {
                where.append(" and p.name like ?");
                args.add("%" + text.replace("%", "").replace("_", "") + "%");
            }
        }
        if (who.role() == Role.HANDLER) {
            where.append(" and exists (select 1 from person_case c where c.person_id = p.person_id and c.unit = ?)");
            args.add(who.unit());
        }
        List<String> ids = jdbc.queryForList("select p.person_id from person p" + where + " order by p.name, p.person_id limit 500",
                String.class, args.toArray());
        List<PersonView> found = ids.stream().flatMap(id -> load(id, who, reveal).stream()).toList();
        if (reveal) {
            found.forEach(p -> accessLog.revealed(who, "person:" + p.id(), "person-search", clock.instant()));
        }
        return found;
    }

    public PersonView get(Account who, String personId, boolean reveal) {
        requireRevealIfAsked(who, reveal);
        PersonView p = load(personId, who, reveal).filter(v -> mayRead(who, v)).orElseThrow(() -> notFound(personId));
        if (reveal) {
            accessLog.revealed(who, "person:" + personId, "person-view", clock.instant());
        }
        return p;
    }

    /** Sets the key groups of a person (supervisors, administrators and leaders); codes from {@link #groups()}. */
    @Transactional
    public PersonView setGroups(Account who, String personId, Set<String> codes) {
        if (who.role() != Role.SUPERVISOR && who.role() != Role.ADMIN && who.role() != Role.LEADER) {
            throw ServiceException.forbidden("only supervisors, administrators and leaders may set a person's key groups",
                    "只有督查人员、管理员和领导可以设置重点群体");
        }
        if (load(personId, who, false).isEmpty()) {
            throw notFound(personId);
        }
        jdbc.update("delete from person_group where person_id = ?", personId);
        for (String code : new TreeSet<>(codes)) {
            jdbc.update("insert into person_group (person_id, group_code, set_by, set_at) values (?, ?, ?, ?)", personId, code,
                    who.username(), Timestamp.from(clock.instant()));
        }
        return load(personId, who, false).orElseThrow();
    }

    /** {@code petitioner} with its person id given at input ({@link PersonIdentity#identify}). */
    public Petitioner identify(Petitioner petitioner) {
        return identity.identify(petitioner);
    }

    /**
     * 重复访: the earlier cases of the same person and category whose subject shares at least the
     * threshold of bigrams with {@code subject}, oldest first. The registry is written in the
     * transaction that records each registration (a subscribing processor, {@code PersonsConfiguration}),
     * so a case registered a moment ago, on any node, is found without waiting.
     */
    public List<CaseId> earlierRepeats(Petitioner petitioner, Category category, String subject) {
        if (petitioner == null || (petitioner.idNumber() == null && petitioner.phone() == null)) {
            // a name alone does not tell one person from another (the same person is the same ID number,
            // or the same name and phone): no earlier case is this person's for sure
            return List.of();
        }
        String personId = identity.personIdOf(petitioner);
        List<CaseId> found = new ArrayList<>();
        jdbc.query("select case_id, subject from person_case where person_id = ? and category = ? order by registered_at, case_no",
                rs -> {
                    if (SubjectSimilarity.jaccard(rs.getString("subject"), subject) >= repeatThreshold) {
                        found.add(new CaseId(rs.getString("case_id")));
                    }
                }, personId, category.name());
        return found;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The person as {@code who} may see them: without the accusations (检举控告类) that accuse {@code who}'s unit or a
     * unit above it, which that user never learns exist (条例 第三十条, {@link Accusations#keptFrom}), their flags
     * and the repeat links to them. A person known to this service only by such cases (no other case, no visit) is
     * not there at all for that user: their name alone would tell who accused the unit.
     */
    private Optional<PersonView> load(String personId, Account who, boolean reveal) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from person where person_id = ?", personId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> p = rows.get(0);
        String idNumber = (String) p.get("id_number");
        String phone = (String) p.get("phone");
        List<String> groupCodes = jdbc.queryForList("select group_code from person_group where person_id = ? order by group_code",
                String.class, personId);
        List<PersonView.PersonCase> cases = jdbc.query("select * from person_case where person_id = ? order by registered_at, case_no",
                (rs, i) -> {
                    String caseId = rs.getString("case_id");
                    return new PersonView.PersonCase(caseId, rs.getString("case_no"), rs.getString("category"),
                            rs.getString("subject"), rs.getString("unit"), instant(rs, "registered_at"),
                            jdbc.queryForList("select flag from person_case_flag where case_id = ? order by flag", String.class, caseId),
                            jdbc.queryForList("select earlier_case_id from person_case_repeat where case_id = ? order by earlier_case_id",
                                    String.class, caseId));
                }, personId);
        Set<String> hidden = new HashSet<>();
        for (PersonView.PersonCase c : cases) {
            if (Category.ACCUSATION.name().equals(c.category()) && accusations.keptFrom(who, c.caseId())) {
                hidden.add(c.caseId());
            }
        }
        if (!hidden.isEmpty()) {
            cases = cases.stream().filter(c -> !hidden.contains(c.caseId()))
                    .map(c -> new PersonView.PersonCase(c.caseId(), c.caseNo(), c.category(), c.subject(), c.unit(), c.registeredAt(),
                            c.flags(), c.repeatOf().stream().filter(earlier -> !hidden.contains(earlier)).toList()))
                    .toList();
        }
        List<PersonView.PersonVisit> visits = jdbc.query("select * from person_visit where person_id = ? order by at_time, visit_id",
                (rs, i) -> new PersonView.PersonVisit(rs.getString("visit_id"), rs.getString("kind"), instant(rs, "at_time")),
                personId);
        if (!hidden.isEmpty() && cases.isEmpty() && visits.isEmpty()) {
            return Optional.empty();
        }
        Set<String> flags = new LinkedHashSet<>();
        for (String f : List.of("SKIP_LEVEL_BEIJING", "SKIP_LEVEL_PROVINCE", "REPEAT", "ONLINE_PROVINCIAL_COMPLAINT", "COLLECTIVE")) {
            boolean has = cases.stream().anyMatch(c -> c.flags().contains(f) || (f.equals("REPEAT") && !c.repeatOf().isEmpty()));
            if (has) {
                flags.add(f);
            }
        }
        return Optional.of(new PersonView(personId, (String) p.get("name"),
                reveal ? idNumber : ResidentIdNumber.mask(idNumber), reveal ? phone : PhoneNumber.mask(phone), !reveal,
                groupCodes, List.copyOf(flags), cases.stream().map(PersonView.PersonCase::caseId).toList(),
                visits.stream().map(PersonView.PersonVisit::visitId).toList(), cases, visits));
    }

    private boolean mayRead(Account who, PersonView p) {
        return who.role() != Role.HANDLER || p.cases().stream().anyMatch(c -> c.unit().equals(who.unit()));
    }

    private void requireRevealIfAsked(Account who, boolean reveal) {
        if (reveal) {
            access.requireReveal(who);
        }
    }

    private static ServiceException notFound(String personId) {
        return ServiceException.notFound("person-not-found", "no person " + personId, "没有信访人 " + personId);
    }

    private static Optional<String> normalised(java.util.function.Supplier<String> f) {
        try {
            return Optional.of(f.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
