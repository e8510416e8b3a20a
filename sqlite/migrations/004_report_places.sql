-- A report's place and topics beside its body, so that refreshing a
-- merged event reads small columns instead of decoding every report.
-- Reports stored before this have none; recoding fills them.
ALTER TABLE reports ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN topics TEXT NOT NULL DEFAULT '';
