/**
 * Who is asking. Every resolver receives one in its context. Until accounts exist (issue 3) the
 * only viewer is the development viewer; access control will read this, not the request.
 */
export type Role = 'CLIENT' | 'SUPPORT_WORKER' | 'COORDINATOR' | 'RESEARCHER' | 'ADMIN' | 'DEVELOPER';

export interface Viewer {
  kind: 'development';
  id: string;
  role: Role;
}

export const DEVELOPMENT_VIEWER: Viewer = { kind: 'development', id: 'development', role: 'DEVELOPER' };
