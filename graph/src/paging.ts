import { z } from 'zod';

/** Every list is paginated with a bounded `first`; cursors are opaque offsets. */
export const MAX_PAGE_SIZE = 100;

export const pageArgsSchema = z.object({
  first: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  after: z
    .string()
    .regex(/^o:\d{1,9}$/, 'not a cursor from this API')
    .nullish(),
});
export type PageArgs = z.input<typeof pageArgsSchema>;

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** Cursor of the last item; pass it as `after` for the next page. */
  endCursor: string | null;
  startOffset: number;
}

export function offsetOf(after: string | null | undefined): number {
  return after ? Number(after.slice(2)) + 1 : 0;
}

export function cursorAt(offset: number): string {
  return `o:${String(offset)}`;
}

export function toPage<T>(items: T[], totalCount: number, skip: number): Page<T> {
  return {
    items,
    totalCount,
    startOffset: skip,
    hasNextPage: skip + items.length < totalCount,
    endCursor: items.length > 0 ? cursorAt(skip + items.length - 1) : null,
  };
}
