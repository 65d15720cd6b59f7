-- Full-text index of the knowledge base (FTS5, ranked with bm25()). External-content table over
-- knowledge_articles (rowid = seq); the triggers keep it in step on insert, update and delete.
CREATE VIRTUAL TABLE `knowledge_fts` USING fts5(
	title,
	body,
	content='knowledge_articles',
	content_rowid='seq',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `knowledge_articles_fts_insert` AFTER INSERT ON `knowledge_articles` BEGIN
	INSERT INTO knowledge_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `knowledge_articles_fts_delete` AFTER DELETE ON `knowledge_articles` BEGIN
	INSERT INTO knowledge_fts(knowledge_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `knowledge_articles_fts_update` AFTER UPDATE OF title, body ON `knowledge_articles` BEGIN
	INSERT INTO knowledge_fts(knowledge_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
	INSERT INTO knowledge_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
