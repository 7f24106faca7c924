import { z } from 'zod';
import type { Role } from './types.js';

/**
 * What an admin may give an account (issue 11). Usernames are stored as login reads them
 * (trimmed, lower case): letters, digits, dot, dash and underscore, 3 to 64 characters.
 */
export const USERNAME_MAX = 64;
export const DISPLAY_NAME_MAX = 80;
/** A coordinator has one or two wijken as a rule (PRODUCT.md section 1); ten leaves room without inviting mistakes. */
export const COORDINATOR_DISTRICTS_MAX = 10;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(USERNAME_MAX, `must be at most ${String(USERNAME_MAX)} characters`)
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'may hold only letters, digits, dots, dashes and underscores, and starts with a letter or digit',
  );

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(DISPLAY_NAME_MAX, `must be at most ${String(DISPLAY_NAME_MAX)} characters`);

/** Where an account's person belongs: an organisation (professionals) and wijken (coordinators; a client's own). */
export interface AccountPlacement {
  role: Role;
  organisationId: string | null;
  districtIds: readonly string[];
}

export interface PlacementIssue {
  path: string[];
  message: string;
}

/**
 * What each role needs (issue 11): a support worker works at an organisation; a coordinator has
 * one or more wijken (and may work at an organisation); a client lives in exactly one wijk;
 * researchers and admins have neither. Returns every problem, each with its field.
 */
export function placementIssues({ role, organisationId, districtIds }: AccountPlacement): PlacementIssue[] {
  const issues: PlacementIssue[] = [];
  const organisation = (message: string) => issues.push({ path: ['organisationId'], message });
  const districts = (message: string) => issues.push({ path: ['districtIds'], message });
  if (new Set(districtIds).size !== districtIds.length) districts('names a wijk twice');
  switch (role) {
    case 'SUPPORT_WORKER':
      if (organisationId === null) organisation('a support worker works at an organisation');
      if (districtIds.length > 0) districts('only coordinators and clients have a wijk');
      break;
    case 'COORDINATOR':
      if (districtIds.length === 0) districts('a coordinator has at least one wijk');
      if (districtIds.length > COORDINATOR_DISTRICTS_MAX)
        districts(`a coordinator has at most ${String(COORDINATOR_DISTRICTS_MAX)} wijken`);
      break;
    case 'CLIENT':
      if (organisationId !== null) organisation('a client works at no organisation here');
      if (districtIds.length !== 1) districts('a client lives in exactly one wijk');
      break;
    case 'RESEARCHER':
    case 'ADMIN':
      if (organisationId !== null) organisation('only support workers and coordinators have an organisation');
      if (districtIds.length > 0) districts('only coordinators and clients have a wijk');
      break;
  }
  return issues;
}
