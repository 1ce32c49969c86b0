package io.newsflow.extract.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The elements metadata is read from, gathered in one pass over the DOM: a dozen CSS selections would each walk
 * the whole page again.
 */
final class PageIndex implements NodeVisitor {

    final List<Element> metas = new ArrayList<>();
    final List<Element> itemprops = new ArrayList<>();
    final List<Element> images = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    final List<Element> figures = new ArrayList<>();
    final List<Element> bylines = new ArrayList<>();
    Element canonical;
    Element firstTime;
    boolean articleItemtype;

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        NodeTraversor.traverse(index, doc);
        return index;
    }

    @Override
    public void head(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "meta" -> metas.add(e);
            case "img" -> images.add(e);
            case "h1" -> h1s.add(e);
            case "figure" -> figures.add(e);
            case "time" -> {
                if (firstTime == null && e.hasAttr("datetime")) {
                    firstTime = e;
                }
            }
            case "link" -> {
                if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                    canonical = e;
                }
            }
            default -> {
            }
        }
        if (e.hasAttr("itemprop")) {
            itemprops.add(e);
            if (e.attr("itemprop").equals("author")) {
                bylines.add(e);
            }
        }
        if (e.hasAttr("itemtype")) {
            String t = e.attr("itemtype");
            if (t.contains("Article") || t.contains("BlogPosting")) {
                articleItemtype = true;
            }
        }
        if (e.attr("rel").equals("author")) {
            bylines.add(e);
        } else {
            String cls = e.attr("class");
            if (!cls.isEmpty()) {
                String c = cls.toLowerCase(Locale.ROOT);
                if (c.contains("byline") || c.contains("author") || c.contains("autor")) {
                    bylines.add(e);
                }
            }
        }
    }

    /** The first {@code <h1>}, preferring one inside {@code <article>} or {@code <main>}. */
    Element headline() {
        for (Element h : h1s) {
            if (h.closest("article, main") != null) {
                return h;
            }
        }
        return h1s.isEmpty() ? null : h1s.get(0);
    }

    /** The first figure, preferring one inside {@code <article>} or {@code <main>}. */
    Element firstFigure() {
        for (Element f : figures) {
            if (f.closest("article, main") != null) {
                return f;
            }
        }
        return figures.isEmpty() ? null : figures.get(0);
    }
}
