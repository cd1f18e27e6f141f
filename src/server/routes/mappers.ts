/** Rows → answers (camelCase, ISO times). Only what the answer schemas declare leaves the server. */
import { iso } from '../db.js';
import type { ApiKeyRow, MemberRow, OrgRow, WorkspaceRow } from '../resolvers.js';
import type { Role } from '../api-keys.js';

export const toOrg = (r: OrgRow) => ({ id: r.id, name: r.name, domainAllowlist: r.domain_allowlist, createdAt: iso(r.created_at) });
export const toWorkspace = (r: WorkspaceRow) => ({ id: r.id, orgId: r.org_id, name: r.name, isDemo: r.is_demo, createdAt: iso(r.created_at) });
export const toMember = (r: MemberRow) => ({ id: r.id, orgId: r.org_id, workspaceId: r.workspace_id, email: r.email, role: r.role as Role, createdAt: iso(r.created_at) });
export const toApiKey = (r: ApiKeyRow) => ({
  id: r.id, name: r.name, role: r.role as Role, orgId: r.org_id, workspaceId: r.workspace_id, memberId: r.member_id, prefix: r.prefix,
  createdAt: iso(r.created_at), revokedAt: iso(r.revoked_at),
});
