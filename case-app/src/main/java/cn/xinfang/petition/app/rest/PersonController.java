package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.persons.PersonService;
import cn.xinfang.petition.app.persons.PersonView;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.CurrentUser;
import org.springframework.web.bind.annotation.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** 信访人 and 重点群体 (issue 15): the person registry; ID number and phone masked unless a permitted role reveals them. */
@RestController
@RequestMapping("/api/persons")
public class PersonController {

    private final PersonService persons;
    private final CurrentUser currentUser;

    public PersonController(PersonService persons, CurrentUser currentUser) {
        this.persons = persons;
        this.currentUser = currentUser;
    }

    /** Body of {@code PUT /api/persons/{id}/groups}. */
    public record GroupsRequest(List<String> groups) {
    }

    /** Persons by name (part of it), whole ID number or phone number. */
    @GetMapping
    public List<PersonView> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean reveal) {
        return persons.search(currentUser.get(), q, reveal);
    }

    @GetMapping("/{id}")
    public PersonView get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal) {
        return persons.get(currentUser.get(), id, reveal);
    }

    /** Replaces the person's key groups (重点群体) with {@code groups}, codes of {@code cases.persons.groups}. */
    @PutMapping("/{id}/groups")
    public PersonView groups(@PathVariable String id, @RequestBody(required = false) GroupsRequest body) {
        Fields f = new Fields();
        Set<String> codes = new LinkedHashSet<>();
        if (body == null || body.groups() == null) {
            f.add("groups", "is required: a list of key group codes, one of " + persons.groups(),
                    "必填：重点群体代码列表，可选值 " + persons.groups());
        } else {
            for (String g : body.groups()) {
                if (g == null || !persons.groups().contains(g.trim())) {
                    f.add("groups", "\"" + g + "\" is not a key group; use one of " + persons.groups(),
                            "\"" + g + "\" 不是重点群体代码；可选值 " + persons.groups());
                } else {
                    codes.add(g.trim());
                }
            }
        }
        f.throwIfInvalid();
        return persons.setGroups(currentUser.get(), id, codes);
    }
}
