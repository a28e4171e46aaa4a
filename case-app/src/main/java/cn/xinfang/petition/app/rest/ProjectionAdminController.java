package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.ops.Projections;
import cn.xinfang.petition.app.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Rebuilding projections from the events (ADMIN only), and their progress. */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionAdminController {

    private final Projections projections;
    private final CurrentUser currentUser;

    public ProjectionAdminController(Projections projections, CurrentUser currentUser) {
        this.projections = projections;
        this.currentUser = currentUser;
    }

    @GetMapping
    public List<Projections.Status> all() {
        return Projections.NAMES.stream().map(projections::status).toList();
    }

    /**
     * Rebuilds several views in one pass over the store: those named in {@code names} (repeated or
     * comma-separated), all of them when none is named. 202 with the status of each.
     */
    @PostMapping("/rebuild")
    public ResponseEntity<List<Projections.Status>> rebuildTogether(@RequestParam(required = false) List<String> names) {
        return ResponseEntity.accepted().body(projections.rebuild(names == null ? List.of() : names.stream().filter(n -> !n.isBlank()).toList(),
                currentUser.get().username()));
    }

    @PostMapping("/{name}/rebuild")
    public ResponseEntity<Projections.Status> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().body(projections.rebuild(name, currentUser.get().username()));
    }

    @GetMapping("/{name}/rebuild")
    public Projections.Status progress(@PathVariable String name) {
        return projections.status(name);
    }
}
