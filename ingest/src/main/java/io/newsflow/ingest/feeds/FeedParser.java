package io.newsflow.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.newsflow.ingest.http.AddressPolicy;

/**
 * Reads the article URLs of an RSS 2.0 (or RSS 1.0/RDF) feed, an Atom feed, a sitemap (Google News sitemaps
 * included) or the nested sitemaps of a sitemap index, told apart by the root element.
 *
 * <p>DTDs and external entities are off: a feed is untrusted input, and XXE or entity expansion must not
 * read local files or fill the heap. Relative links are resolved against the feed's URL; links with another
 * scheme (file:, ftp:, jar:, mailto:, ...) are listed apart as refused, so that the ingest counts them.
 */
public final class FeedParser {

    private static final XMLInputFactory FACTORY = factory();

    private FeedParser() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * @param base the feed's own URL, for relative links
     * @throws FeedFormatException when the bytes are not XML or not one of the known formats
     */
    public static Feed parse(byte[] xml, URI base) throws FeedFormatException {
        XMLStreamReader reader = null;
        try {
            // StAX reads the encoding from the XML declaration (or the BOM) itself.
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: declaration, comments, processing instructions
            }
            if (!reader.isStartElement()) {
                throw new FeedFormatException("no root element");
            }
            String root = reader.getLocalName();
            return switch (root) {
                case "rss", "RDF" -> feed(Feed.Kind.RSS, rssLinks(reader, base), false);
                case "feed" -> feed(Feed.Kind.ATOM, atomLinks(reader, base), false);
                case "urlset" -> feed(Feed.Kind.SITEMAP, locs(reader, "url", base), false);
                case "sitemapindex" -> feed(Feed.Kind.SITEMAP_INDEX, locs(reader, "sitemap", base), true);
                default -> throw new FeedFormatException("root element <" + root + "> is not rss, feed, urlset "
                        + "or sitemapindex");
            };
        } catch (XMLStreamException e) {
            throw new FeedFormatException("not well-formed XML: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    /** The links of a document: those to fetch, and those of a scheme never fetched. */
    private static final class Links {
        final Set<URI> fetchable = new LinkedHashSet<>();
        final Set<URI> refused = new LinkedHashSet<>();
    }

    private static Feed feed(Feed.Kind kind, Links links, boolean sitemaps) {
        List<URI> found = new ArrayList<>(links.fetchable);
        return new Feed(kind, sitemaps ? List.of() : found, sitemaps ? found : List.of(),
                new ArrayList<>(links.refused));
    }

    /** {@code <item><link>} (no namespace: {@code atom:link} in a channel is the feed's own address). */
    private static Links rssLinks(XMLStreamReader reader, URI base) throws XMLStreamException {
        Links links = new Links();
        int itemDepth = -1;
        int depth = 1;
        String guid = null;
        boolean hasLink = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                boolean plain = isEmpty(reader.getNamespaceURI()) || isRss1(reader.getNamespaceURI());
                if (name.equals("item") && itemDepth < 0) {
                    itemDepth = depth;
                    guid = null;
                    hasLink = false;
                } else if (itemDepth > 0 && depth == itemDepth + 1 && plain && name.equals("link")) {
                    hasLink |= add(links, reader.getElementText(), base);
                    depth--;
                } else if (itemDepth > 0 && depth == itemDepth + 1 && plain && name.equals("guid")
                        && !"false".equals(reader.getAttributeValue(null, "isPermaLink"))) {
                    guid = reader.getElementText();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == itemDepth) {
                    // A permalink guid stands in for an item without a link (RSS 2.0 allows either).
                    if (!hasLink && guid != null) {
                        // A guid is often an id (urn:uuid:..., tag:...) rather than a link: only http(s) ones count.
                        Links fromGuid = new Links();
                        add(fromGuid, guid, base);
                        links.fetchable.addAll(fromGuid.fetchable);
                    }
                    itemDepth = -1;
                }
                depth--;
            }
        }
        return links;
    }

    /** {@code <entry><link href>}: the {@code alternate} link (the default rel), HTML first. */
    private static Links atomLinks(XMLStreamReader reader, URI base) throws XMLStreamException {
        Links links = new Links();
        int entryDepth = -1;
        int depth = 1;
        String best = null;
        boolean bestIsHtml = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (name.equals("entry") && entryDepth < 0) {
                    entryDepth = depth;
                    best = null;
                    bestIsHtml = false;
                } else if (entryDepth > 0 && depth == entryDepth + 1 && name.equals("link")) {
                    String rel = reader.getAttributeValue(null, "rel");
                    String type = reader.getAttributeValue(null, "type");
                    String href = reader.getAttributeValue(null, "href");
                    boolean html = type == null || type.contains("html");
                    boolean alternate = rel == null || rel.equals("alternate");
                    if (href != null && alternate && (best == null || html && !bestIsHtml)) {
                        best = href;
                        bestIsHtml = html;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == entryDepth) {
                    if (best != null) {
                        add(links, best, base);
                    }
                    entryDepth = -1;
                }
                depth--;
            }
        }
        return links;
    }

    /** {@code <container><loc>} of sitemaps and sitemap indexes; extension elements (news:, image:) ignored. */
    private static Links locs(XMLStreamReader reader, String container, URI base) throws XMLStreamException {
        Links locs = new Links();
        int containerDepth = -1;
        int depth = 1;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (name.equals(container) && depth == 2) {
                    containerDepth = depth;
                } else if (containerDepth > 0 && depth == containerDepth + 1 && name.equals("loc")) {
                    add(locs, reader.getElementText(), base);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == containerDepth) {
                    containerDepth = -1;
                }
                depth--;
            }
        }
        return locs;
    }

    /** Adds a link; true when it is one to fetch. */
    private static boolean add(Links links, String text, URI base) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI resolved = base.resolve(new URI(text.strip()));
            if (AddressPolicy.schemeRefusal(resolved).isPresent()) {
                links.refused.add(resolved);
                return false;
            }
            links.fetchable.add(UrlList.httpUrl(resolved.toString()));
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isEmpty(String namespace) {
        return namespace == null || namespace.isEmpty();
    }

    private static boolean isRss1(String namespace) {
        return "http://purl.org/rss/1.0/".equals(namespace);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the bytes are in memory
            }
        }
    }
}
