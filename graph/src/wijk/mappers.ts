import { num, oneOf, optOneOf, optStr, str, strList, type Raw } from '../mappers.js';
import { WIJK_ACTION_STATUSES, WIJK_SIGNAL_CODES } from '../model.js';
import type { WijkAction } from './types.js';

/** An action's map projection (`a` the WijkAction). */
export const WIJK_ACTION_FIELDS = `.id, .title, .signalCode, .signalKey, .owner, .status, .closedReason, .version,
  districtId: COLLECT { MATCH (a)-[:IN]->(d:District) RETURN d.id }[0],
  nodeIds: COLLECT { MATCH (a)-[:ABOUT]->(n) RETURN n.id ORDER BY n.id },
  due: toString(a.due), createdAt: toString(a.createdAt), closedAt: toString(a.closedAt)`;

export function toWijkAction(raw: Raw): WijkAction {
  return {
    id: str(raw, 'id'),
    districtId: str(raw, 'districtId'),
    title: str(raw, 'title'),
    signalCode: optOneOf(WIJK_SIGNAL_CODES, raw, 'signalCode'),
    signalKey: optStr(raw, 'signalKey'),
    nodeIds: strList(raw, 'nodeIds'),
    owner: str(raw, 'owner'),
    due: optStr(raw, 'due'),
    status: oneOf(WIJK_ACTION_STATUSES, raw, 'status'),
    createdAt: str(raw, 'createdAt'),
    closedAt: optStr(raw, 'closedAt'),
    closedReason: optStr(raw, 'closedReason'),
    version: num(raw, 'version'),
  };
}
