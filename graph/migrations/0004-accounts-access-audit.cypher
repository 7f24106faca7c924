// Accounts, sessions and login throttling (issue 3).
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (n:Session) REQUIRE n.idHash IS UNIQUE;
CREATE INDEX session_account IF NOT EXISTS FOR (n:Session) ON (n.accountId);
CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (n:LoginThrottle) REQUIRE n.key IS UNIQUE;
// Consent: a client's grant to a support worker.
CREATE CONSTRAINT grants_access_id IF NOT EXISTS FOR ()-[r:GRANTS_ACCESS]-() REQUIRE r.id IS UNIQUE;
// The audit log: one head node holds the end of the hash chain; records are numbered without gaps.
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_record_seq IF NOT EXISTS FOR (n:AuditRecord) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_record_id IF NOT EXISTS FOR (n:AuditRecord) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_record_client IF NOT EXISTS FOR (n:AuditRecord) ON (n.clientRef);
CREATE INDEX audit_record_at IF NOT EXISTS FOR (n:AuditRecord) ON (n.at);
