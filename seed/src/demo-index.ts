import type { Classification } from './facts.js';

/**
 * Lookups shared by the demo builders (demo.ts makes it, demo-circles.ts uses it): ids by display
 * name, and where organisations are active. In a module of its own so the builders do not import
 * each other both ways.
 */
export interface DemoIndex {
  districtId(name: string): string;
  organisationId(name: string): string;
  organisation(name: string): Classification;
  /** District names where the organisation is active, in DISTRICTS order. */
  activeIn(name: string): readonly string[];
  /** Organisation names active in the district, in facts order. */
  activeInDistrict(district: string): readonly string[];
  focusWijken: readonly string[];
}
