// Audit review (issue 11): the admin's search of the audit log starts from the most selective
// filter it is given. The period uses audit_record_at and a client audit_record_client (0004);
// these add the actor, the username of a failed login, and the result (refusals are few).
CREATE INDEX audit_record_actor IF NOT EXISTS FOR (n:AuditRecord) ON (n.actorAccountId);
CREATE INDEX audit_record_actor_label IF NOT EXISTS FOR (n:AuditRecord) ON (n.actorLabel);
CREATE INDEX audit_record_result IF NOT EXISTS FOR (n:AuditRecord) ON (n.result);
