import { createPubSub } from 'graphql-yoga';

/** What changed in a circle; the event carries no data, subscribers read the circle fresh (and audited). */
export const CIRCLE_CHANGES = [
  'ENTRY_ADDED',
  'ENTRY_UPDATED',
  'ENTRY_MOVED',
  'ENTRY_REMOVED',
  'TIE_ADDED',
  'TIE_REMOVED',
  'FROZEN',
] as const;
export type CircleChangeKind = (typeof CIRCLE_CHANGES)[number];

export interface CircleEvent {
  circleId: string;
  clientId: string;
  /** The circle's version after the change. */
  version: number;
  change: CircleChangeKind;
  entryId: string | null;
  /** The account that made the change, so a device can tell its own changes from others'. */
  actorAccountId: string;
}

/**
 * Live updates between devices drawing one circle. In-process: two devices must reach the same API
 * instance. Behind a load balancer with several instances, give `createPubSub` a shared event
 * target (@graphql-yoga/redis-event-target); nothing else changes (docs/ARCHITECTURE.md).
 */
export function createLive() {
  return createPubSub<{ circleChanged: [circleId: string, event: CircleEvent] }>();
}
export type Live = ReturnType<typeof createLive>;
