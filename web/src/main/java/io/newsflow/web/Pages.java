package io.newsflow.web;

import static io.newsflow.web.Html.escape;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.newsflow.store.StoreQueries;
import io.newsflow.store.StoreQueries.AlertView;
import io.newsflow.store.StoreQueries.ArticleView;
import io.newsflow.store.StoreQueries.DeadLetterView;
import io.newsflow.store.StoreQueries.EntityRef;
import io.newsflow.store.StoreQueries.EntityView;
import io.newsflow.store.StoreQueries.Hit;

/** The page's HTML, rendered from what the store returns: pure functions, every stored value escaped. */
public final class Pages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
            header{background:#1f3b57;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.4rem;align-items:baseline}
            header a{color:#fff;text-decoration:none}header .brand{font-weight:700;font-size:1.2rem}
            main{max-width:60rem;margin:0 auto;padding:1rem 1.2rem 3rem}
            form.search{display:grid;grid-template-columns:repeat(4,1fr);gap:.5rem;background:#fff;padding:.8rem;border:1px solid #ddd;border-radius:6px}
            form.search label{display:flex;flex-direction:column;font-size:.8rem;color:#555}
            form.search input,form.search select{font-size:1rem;padding:.3rem}
            form.search .words{grid-column:span 3}form.search button{font-size:1rem}
            .hit{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.7rem 1rem;margin:.7rem 0}
            .hit h2{font-size:1.15rem;margin:0 0 .2rem}.meta,.muted{color:#666;font-size:.85rem}
            mark{background:#ffe58a;padding:0 .1em}
            .mention{text-decoration:none;border-bottom:2px solid;padding:0 .1em;color:inherit}
            .mention.per{background:#e6f0ff;border-color:#3d7be0}.mention.org{background:#fff0e0;border-color:#e08a3d}
            .mention.loc{background:#e7f7ea;border-color:#3da35a}
            .entity{display:inline-block;font-size:.8rem;border-radius:10px;padding:0 .5em;margin:.1em;text-decoration:none;color:#1d1d1f}
            .entity.per{background:#e6f0ff}.entity.org{background:#fff0e0}.entity.loc{background:#e7f7ea}.entity.misc{background:#eee}
            .tag{display:inline-block;font-size:.8rem;background:#eee;border-radius:3px;padding:0 .4em;margin:.1em}
            article.story img{max-width:100%}article.story figure{margin:0 0 1rem}
            table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #e3e3e3;padding:.3rem .5rem;text-align:left;font-size:.9rem;vertical-align:top}
            svg.chart{background:#fff;border:1px solid #e3e3e3;max-width:100%;height:auto}svg.chart .bar{fill:#3d7be0}svg.chart .axis{font-size:11px;fill:#666}
            .alert{background:#fff;border-left:4px solid #d9534f;padding:.5rem .8rem;margin:.5rem 0}.alert.new{background:#fff6e5}
            .error{background:#fff;border-left:4px solid #d9534f;padding:1rem}
            nav.pages a{margin-right:1rem}
            """;

    private Pages() {
    }

    static String layout(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " · Newsflow</title><style>"
                + STYLE + "</style></head><body><header><a class=\"brand\" href=\"/\">Newsflow</a><a href=\"/\">Search</a>"
                + "<a href=\"/alerts\">Alerts</a><a href=\"/dead-letters\">Dead letters</a></header><main>" + body
                + "</main></body></html>\n";
    }

    /** The search form (filled with the request's values) and its results. */
    public static String search(Map<String, String> params, Map<String, List<String>> facets, List<Hit> hits,
                                boolean searched, int offset, int limit) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Search</h1><form class=\"search\" method=\"get\" action=\"/\">");
        b.append(input("q", "Words (stemmed in each article's language)", params, "words", "search"));
        b.append("<button type=\"submit\">Search</button>");
        b.append(input("entity", "Entity (canonical name)", params, "", "text"));
        b.append("<label>Entity type<select name=\"type\">").append(option("", "any", params.get("type")));
        for (String t : List.of("PER", "ORG", "LOC")) {
            b.append(option(t, t, params.get("type")));
        }
        b.append("</select></label>");
        b.append(input("tag", "Tag", params, "", "text"));
        b.append(select("site", "Site", facets.getOrDefault("site", List.of()), params.get("site")));
        b.append(select("lang", "Language", facets.getOrDefault("language", List.of()), params.get("lang")));
        b.append(input("from", "From (date)", params, "", "date"));
        b.append(input("to", "To (date)", params, "", "date"));
        b.append("</form>");
        if (!searched) {
            b.append("<h2>Latest articles</h2>");
        } else if (hits.isEmpty()) {
            b.append("<p class=\"none\">No article matches.</p>");
        }
        b.append("<section id=\"results\">");
        hits.forEach(hit -> b.append(hit(hit)));
        b.append("</section>");
        b.append("<nav class=\"pages\">");
        if (offset > 0) {
            b.append("<a href=\"").append(pageHref(params, Math.max(0, offset - limit))).append("\">← newer</a>");
        }
        if (hits.size() == limit) {
            b.append("<a href=\"").append(pageHref(params, offset + limit)).append("\">older →</a>");
        }
        b.append("</nav>");
        return layout(searched && present(params.get("q")) ? params.get("q") : "Search", b.toString());
    }

    static String hit(Hit hit) {
        StringBuilder b = new StringBuilder("<div class=\"hit\"><h2><a href=\"").append(Html.articleHref(hit.id()))
                .append("\">").append(escape(hit.title())).append("</a></h2><div class=\"meta\">")
                .append(escape(orDash(hit.site()))).append(" · ").append(escape(orDash(hit.published())))
                .append(" · ").append(escape(hit.language())).append("</div>");
        if (hit.snippet() != null && !hit.snippet().isBlank()) {
            b.append("<p class=\"snippet\">").append(snippet(hit.snippet())).append("</p>");
        }
        if (!hit.entities().isEmpty()) {
            b.append("<div class=\"entities\">");
            hit.entities().forEach(e -> b.append(entityChip(e)));
            b.append("</div>");
        }
        return b.append("</div>").toString();
    }

    /** A snippet with the store's hit markers turned into {@code <mark>}, after escaping the text around them. */
    static String snippet(String snippet) {
        return escape(snippet).replace(StoreQueries.HIT_START, "<mark>").replace(StoreQueries.HIT_END, "</mark>");
    }

    static String entityChip(EntityRef e) {
        return "<a class=\"entity " + escape(e.type().toLowerCase(java.util.Locale.ROOT)) + "\" href=\""
                + Html.entityHref(e.type(), e.name()) + "\">" + escape(e.name()) + " <small>" + escape(e.type())
                + (e.mentions() > 1 ? " ×" + e.mentions() : "") + "</small></a>";
    }

    public static String article(ArticleView a) {
        StringBuilder b = new StringBuilder("<article class=\"story\">");
        b.append("<h1 class=\"title\">").append(MarkedBody.title(a.title(), a.mentions())).append("</h1>");
        b.append("<div class=\"meta\">").append(escape(orDash(a.site())));
        if (a.section() != null) {
            b.append(" · ").append(escape(a.section()));
        }
        b.append(" · published ").append(escape(orDash(a.published())));
        if (a.modified() != null) {
            b.append(" · modified ").append(escape(a.modified()));
        }
        if (!a.authors().isEmpty()) {
            b.append(" · by ").append(escape(String.join(", ", a.authors())));
        }
        b.append(" · ").append(escape(a.language())).append(String.format(java.util.Locale.ROOT, " (%.2f)", a.languageConfidence()))
                .append(" · ").append(a.wordCount()).append(" words</div>");
        b.append("<div class=\"meta\">");
        if (Html.isWebUrl(a.url())) {
            b.append("<a rel=\"noopener noreferrer nofollow\" href=\"").append(escape(a.url())).append("\">")
                    .append(escape(a.url())).append("</a>");
        } else {
            b.append(escape(a.url()));
        }
        b.append("</div>");
        if (Html.isWebUrl(a.leadImageUrl())) {
            b.append("<figure><img src=\"").append(escape(a.leadImageUrl())).append("\" alt=\"")
                    .append(escape(a.leadImageCaption())).append("\" referrerpolicy=\"no-referrer\" loading=\"lazy\">");
            if (a.leadImageCaption() != null || a.leadImageCredit() != null) {
                b.append("<figcaption class=\"muted\">").append(escape(a.leadImageCaption()))
                        .append(a.leadImageCredit() == null ? "" : " — " + escape(a.leadImageCredit())).append("</figcaption>");
            }
            b.append("</figure>");
        }
        if (a.description() != null && !a.description().isBlank()) {
            b.append("<p class=\"description\"><em>").append(escape(a.description())).append("</em></p>");
        }
        b.append("<div class=\"body\">").append(MarkedBody.body(a.title(), a.body(), a.mentions())).append("</div>");
        if (!a.tags().isEmpty()) {
            b.append("<h2>Tags</h2><div class=\"tags\">");
            a.tags().forEach(t -> b.append("<a class=\"tag\" href=\"/?tag=").append(escape(Html.param(t.name())))
                    .append("\" title=\"").append(escape(t.source())).append(String.format(java.util.Locale.ROOT, " %.2f", t.score()))
                    .append("\">").append(escape(t.name())).append("</a>"));
            b.append("</div>");
        }
        b.append("<h2>Near duplicates</h2>");
        if (a.duplicateOf() == null && a.duplicates().isEmpty()) {
            b.append("<p class=\"muted\">None seen.</p>");
        }
        if (a.duplicateOf() != null) {
            b.append("<p class=\"duplicate-of\">A near duplicate of <a href=\"").append(Html.articleHref(a.duplicateOf()))
                    .append("\">").append(escape(a.duplicateOfTitle() != null ? a.duplicateOfTitle() : a.duplicateOf()))
                    .append("</a>, seen before it.</p>");
        }
        if (!a.duplicates().isEmpty()) {
            b.append("<p>Seen later as near duplicates of this one:</p><ul class=\"duplicates\">");
            a.duplicates().forEach(d -> b.append("<li><a href=\"").append(Html.articleHref(d.id())).append("\">")
                    .append(escape(d.title())).append("</a> <span class=\"muted\">").append(escape(orDash(d.site())))
                    .append("</span></li>"));
            b.append("</ul>");
        }
        b.append("</article>");
        return layout(a.title(), b.toString());
    }

    public static String entity(EntityView e) {
        StringBuilder b = new StringBuilder("<h1 class=\"entity-name\">").append(escape(e.name())).append(" <small class=\"muted\">")
                .append(escape(e.type())).append("</small></h1><p class=\"meta\">Mentioned in ").append(e.articleCount())
                .append(e.articleCount() == 1 ? " article" : " articles").append("</p>");
        b.append("<h2>Mentions per day</h2>").append(MentionChart.svg(e.perDay()));
        if (!e.mentionedWith().isEmpty()) {
            b.append("<h2>Mentioned with</h2><div class=\"with\">");
            e.mentionedWith().forEach(w -> b.append(entityChip(w)));
            b.append("</div>");
        }
        b.append("<h2>Articles</h2><section id=\"results\">");
        e.articles().forEach(hit -> b.append(hit(hit)));
        b.append("</section>");
        return layout(e.name(), b.toString());
    }

    public static String alerts(List<AlertView> latest, long lastSeq) {
        StringBuilder b = new StringBuilder("<h1>Alerts</h1><p class=\"muted\" id=\"live\">New alerts appear here as the "
                + "store receives them.</p><section id=\"alerts\" data-after=\"").append(lastSeq).append("\">");
        latest.forEach(a -> b.append(alert(a, false)));
        if (latest.isEmpty()) {
            b.append("<p class=\"none\">No alert yet.</p>");
        }
        b.append("</section>");
        b.append("""
                <script>
                (function () {
                  var list = document.getElementById('alerts');
                  if (!window.EventSource) { return; }
                  var source = new EventSource('/alerts/stream?after=' + encodeURIComponent(list.dataset.after));
                  source.addEventListener('alert', function (event) {
                    var none = list.querySelector('.none');
                    if (none) { none.remove(); }
                    list.insertAdjacentHTML('afterbegin', event.data);
                  });
                })();
                </script>""");
        return layout("Alerts", b.toString());
    }

    /** One alert as a single line of HTML (the live stream sends it as one event's data). */
    public static String alert(AlertView a, boolean live) {
        return "<div class=\"alert" + (live ? " new" : "") + "\" data-seq=\"" + a.seq() + "\"><strong class=\"rule\">"
                + escape(orDash(a.ruleName())) + "</strong> <span class=\"muted\">[" + escape(a.ruleId()) + "] "
                + (a.raisedAt() == null ? "" : escape(TIME.format(a.raisedAt()))) + "</span><br><a href=\""
                + Html.articleHref(a.articleId()) + "\">" + escape(orDash(a.title())) + "</a> <span class=\"muted\">matched "
                + escape(String.join(", ", a.terms())) + "</span>"
                + (a.snippet() == null ? "" : "<div class=\"snippet\">" + escape(a.snippet()).replace("\n", " ") + "</div>")
                + "</div>";
    }

    public static String deadLetters(List<DeadLetterView> rows) {
        StringBuilder b = new StringBuilder("<h1>Dead letters</h1><p class=\"muted\">Records a stage could not process: "
                + "where they were, which stage gave up and why. Their payloads stay in the dead-letter topics.</p>");
        if (rows.isEmpty()) {
            b.append("<p class=\"none\">None.</p>");
            return layout("Dead letters", b.toString());
        }
        b.append("<table><thead><tr><th>when</th><th>stage</th><th>why</th><th>URL / key</th><th>from</th></tr></thead><tbody>");
        for (DeadLetterView d : rows) {
            b.append("<tr><td>").append(d.failedAt() == null ? "" : escape(TIME.format(d.failedAt()))).append("</td><td>")
                    .append(escape(orDash(d.stage()))).append("</td><td><span class=\"reason\">").append(escape(orDash(d.reason())))
                    .append("</span><br><span class=\"muted\">").append(escape(d.errorClass())).append("</span></td><td>")
                    .append(escape(d.url() != null ? d.url() : d.key())).append("<br><span class=\"muted\">")
                    .append(d.valueBytes()).append(" bytes</span></td><td>")
                    .append(escape(d.sourceTopic() == null ? "" : d.sourceTopic() + "-" + d.sourcePartition() + "@" + d.sourceOffset()))
                    .append("<br><span class=\"muted\">").append(escape(d.topic() + "-" + d.partition() + "@" + d.offset()))
                    .append("</span></td></tr>");
        }
        b.append("</tbody></table>");
        return layout("Dead letters", b.toString());
    }

    public static String error(int status, String message) {
        return layout("Error " + status, "<div class=\"error\"><h1>" + status + "</h1><p>" + escape(message) + "</p>"
                + "<p><a href=\"/\">Back to search</a></p></div>");
    }

    private static String input(String name, String label, Map<String, String> params, String cssClass, String type) {
        return "<label" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + ">" + escape(label) + "<input type=\""
                + type + "\" name=\"" + name + "\" value=\"" + escape(params.getOrDefault(name, "")) + "\"></label>";
    }

    private static String select(String name, String label, List<String> values, String selected) {
        StringBuilder b = new StringBuilder("<label>").append(escape(label)).append("<select name=\"").append(name).append("\">")
                .append(option("", "any", selected));
        values.forEach(v -> b.append(option(v, v, selected)));
        return b.append("</select></label>").toString();
    }

    private static String option(String value, String label, String selected) {
        return "<option value=\"" + escape(value) + "\"" + (value.equals(selected == null ? "" : selected) ? " selected" : "")
                + ">" + escape(label) + "</option>";
    }

    private static String pageHref(Map<String, String> params, int offset) {
        StringBuilder q = new StringBuilder("/?");
        params.forEach((k, v) -> {
            if (!k.equals("offset") && v != null && !v.isEmpty()) {
                q.append(Html.param(k)).append('=').append(Html.param(v)).append('&');
            }
        });
        return escape(q.append("offset=").append(offset).toString());
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
