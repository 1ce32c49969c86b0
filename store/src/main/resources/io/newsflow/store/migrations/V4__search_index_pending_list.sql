-- The search index takes new articles into its pending list and a cleaner merges the list after each commit, on a
-- connection of its own (SearchIndexCleaner, docs/store.md "Numbers"). The default limit (4 MB, about one batch of
-- 500 articles' lexemes) made the writer merge the list inline in nearly every batch; 64 MB leaves that to the
-- cleaner, and is where a writer still merges it if the cleaner falls behind.
ALTER INDEX articles_search SET (fastupdate = on, gin_pending_list_limit = 65536);
