-- The schema at the head revision, written by tests.core.make_fixture_projects.
-- New projects are made from it; do not edit by hand.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE project (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	title TEXT NOT NULL, 
	organisation TEXT NOT NULL, 
	meeting TEXT NOT NULL, 
	date VARCHAR(32) NOT NULL, 
	language VARCHAR(8) NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, deadline VARCHAR(32) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE member (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	name TEXT NOT NULL, 
	initials VARCHAR(16) NOT NULL, 
	organisation TEXT NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE original_file (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	data BLOB NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (sha256)
);
CREATE TABLE source (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	label TEXT NOT NULL, 
	title TEXT NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	ordinal INTEGER NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, language VARCHAR(16) DEFAULT '' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE source_version (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	source_id VARCHAR(36) NOT NULL, 
	version_no INTEGER NOT NULL, 
	filename TEXT NOT NULL, 
	media_type VARCHAR(100) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	text TEXT NOT NULL, 
	pages TEXT NOT NULL, 
	paragraphs TEXT NOT NULL, 
	footnotes TEXT NOT NULL, 
	doc_title TEXT NOT NULL, 
	doc_author TEXT NOT NULL, 
	doc_date VARCHAR(64) NOT NULL, 
	warnings TEXT NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(source_id) REFERENCES source (id), 
	FOREIGN KEY(sha256) REFERENCES original_file (sha256)
);
CREATE TABLE section (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	ordinal INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	heading TEXT NOT NULL, 
	source_id VARCHAR(36), 
	opening TEXT NOT NULL, 
	closing TEXT NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, shared_as_reference INTEGER DEFAULT '0' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(source_id) REFERENCES source (id)
);
CREATE TABLE block (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	section_id VARCHAR(36) NOT NULL, 
	ordinal INTEGER NOT NULL, 
	kind VARCHAR(24) NOT NULL, 
	text TEXT NOT NULL, 
	after_text TEXT NOT NULL, 
	target_section_id VARCHAR(36), 
	numbered INTEGER NOT NULL, 
	lead_in TEXT NOT NULL, 
	comments_lead_in TEXT NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, lead_in_shown INTEGER DEFAULT '1' NOT NULL, comments_lead_in_shown INTEGER DEFAULT '1' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(section_id) REFERENCES section (id), 
	FOREIGN KEY(target_section_id) REFERENCES section (id)
);
CREATE TABLE passage (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	source_id VARCHAR(36) NOT NULL, 
	source_version_id VARCHAR(36) NOT NULL, 
	block_id VARCHAR(36), 
	ordinal INTEGER NOT NULL, 
	start INTEGER, 
	"end" INTEGER, 
	exact TEXT NOT NULL, 
	prefix TEXT NOT NULL, 
	suffix TEXT NOT NULL, 
	page_index INTEGER, 
	page_label TEXT, 
	paragraph_number TEXT, 
	quote TEXT NOT NULL, 
	anchor_method VARCHAR(16) NOT NULL, 
	anchor_score INTEGER NOT NULL, field_history TEXT DEFAULT '{}' NOT NULL, orig_exact TEXT DEFAULT '' NOT NULL, orig_prefix TEXT DEFAULT '' NOT NULL, orig_suffix TEXT DEFAULT '' NOT NULL, orig_start INTEGER, orig_version_id VARCHAR(36), placement_confirmed INTEGER DEFAULT '1' NOT NULL, same_as_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(source_id) REFERENCES source (id), 
	FOREIGN KEY(source_version_id) REFERENCES source_version (id), 
	FOREIGN KEY(block_id) REFERENCES block (id)
);
CREATE TABLE response (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	passage_id VARCHAR(36) NOT NULL, 
	text TEXT NOT NULL, 
	position VARCHAR(24) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	proposed_change TEXT NOT NULL, 
	author_id VARCHAR(36), field_history TEXT DEFAULT '{}' NOT NULL, comment_type VARCHAR(16) DEFAULT 'general' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(passage_id) REFERENCES passage (id), 
	FOREIGN KEY(author_id) REFERENCES member (id)
);
CREATE TABLE revision (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	response_id VARCHAR(36) NOT NULL, 
	text TEXT NOT NULL, 
	author_id VARCHAR(36), field_history TEXT DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(response_id) REFERENCES response (id), 
	FOREIGN KEY(author_id) REFERENCES member (id)
);
CREATE TABLE note (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	target_kind VARCHAR(16) NOT NULL, 
	target_id VARCHAR(36) NOT NULL, 
	parent_id VARCHAR(36), 
	text TEXT NOT NULL, 
	author_id VARCHAR(36), field_history TEXT DEFAULT '{}' NOT NULL, proposal_base TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(parent_id) REFERENCES note (id), 
	FOREIGN KEY(author_id) REFERENCES member (id)
);
CREATE TABLE "conflict" (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	field_history TEXT DEFAULT '{}' NOT NULL, 
	table_name VARCHAR(32) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	ours_value TEXT NOT NULL, 
	theirs_value TEXT NOT NULL, 
	ours_stamp VARCHAR(64) NOT NULL, 
	theirs_stamp VARCHAR(64) NOT NULL, 
	ours_author TEXT NOT NULL, 
	theirs_author TEXT NOT NULL, 
	ours_time VARCHAR(32) NOT NULL, 
	theirs_time VARCHAR(32) NOT NULL, 
	resolved_at VARCHAR(32), 
	PRIMARY KEY (id)
);
CREATE TABLE journal_entry (
	seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	id VARCHAR(36) NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	member_id VARCHAR(36), 
	label TEXT NOT NULL, 
	undone INTEGER DEFAULT '0' NOT NULL, 
	rows TEXT NOT NULL, size INTEGER DEFAULT '0' NOT NULL, 
	UNIQUE (id)
);
CREATE TABLE journal_blob (
	entry_seq INTEGER NOT NULL, 
	table_name VARCHAR(32) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	column_name VARCHAR(64) NOT NULL, 
	data BLOB, 
	PRIMARY KEY (entry_seq, table_name, row_id, column_name), 
	FOREIGN KEY(entry_seq) REFERENCES journal_entry (seq) ON DELETE CASCADE
);
CREATE TABLE sent_export (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	changed_by VARCHAR(36), 
	deleted_at VARCHAR(32), 
	field_history TEXT DEFAULT '{}' NOT NULL, 
	sent_at VARCHAR(32) NOT NULL, 
	member_id VARCHAR(36), 
	filename TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	revision_no INTEGER NOT NULL, 
	layout VARCHAR(16) NOT NULL, 
	printed TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(member_id) REFERENCES member (id)
);
CREATE TABLE sentence (
	id INTEGER NOT NULL, 
	version_id VARCHAR(36) NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE sentence_keys (
	id INTEGER NOT NULL, 
	keys BLOB NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE sentence_index (
	version_id VARCHAR(36) NOT NULL, 
	scheme VARCHAR(64) NOT NULL, 
	sentences INTEGER NOT NULL, 
	first_id INTEGER NOT NULL, 
	PRIMARY KEY (version_id)
);
CREATE INDEX ix_source_version_source ON source_version (source_id, version_no);
CREATE INDEX ix_block_section ON block (section_id, ordinal);
CREATE INDEX ix_passage_source ON passage (source_id);
CREATE INDEX ix_passage_block ON passage (block_id, ordinal);
CREATE INDEX ix_response_passage ON response (passage_id);
CREATE INDEX ix_revision_response ON revision (response_id);
CREATE INDEX ix_note_target ON note (target_kind, target_id);
CREATE INDEX ix_conflict_row ON "conflict" (table_name, row_id);
CREATE INDEX ix_sent_export_sent_at ON sent_export (sent_at);
CREATE INDEX ix_journal_entry_trim ON journal_entry (seq, size, at);
CREATE INDEX ix_passage_live ON passage (source_id, id, same_as_id) WHERE deleted_at IS NULL;
CREATE INDEX ix_response_answered ON response (passage_id) WHERE deleted_at IS NULL AND (trim(text) != '' OR status != 'draft');
INSERT INTO alembic_version (version_num) VALUES ('0011_sentence_id_ranges');
