package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.projection.caseview.CaseView;

import java.util.ArrayList;
import java.util.List;

/** A case's version as an HTTP entity tag, and the versions an {@code If-Match} header names. */
final class ETags {

    private ETags() {
    }

    static String of(CaseView v) {
        return "\"" + v.version() + "\"";
    }

    /**
     * The versions an {@code If-Match} header accepts, comma-separated ({@code "4"}, {@code W/"4"},
     * {@code "3", "4"}), or null for none given or {@code *}. A header naming no version at all
     * can match nothing: it is refused with 412 at once.
     */
    static String expectedVersions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        List<String> versions = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.matches("\\d{1,18}")) {
                versions.add(Long.toString(Long.parseLong(t)));
            }
        }
        if (versions.isEmpty()) {
            throw new ServiceException(ServiceException.Kind.STALE, "version-mismatch",
                    "If-Match " + ifMatch + " names no version of this case; send the ETag of the case as you last read it",
                    "If-Match 未给出有效的版本；请使用最近一次读取该事项时的 ETag");
        }
        return String.join(",", versions);
    }
}
