import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followLink, saveFile } from './download';

/** What a click on the temporary link saw, and whether the link was still in the page afterwards. */
interface Clicked {
  readonly href: string;
  readonly download: string;
  readonly hidden: boolean;
  readonly attached: boolean;
}

/** The unit tier runs without a DOM: just enough of `document` to see the link being used. */
function fakeDocument(clicks: Clicked[]) {
  const attached = new Set<object>();
  return {
    attached,
    document: {
      body: { append: (node: object) => attached.add(node) },
      createElement: (tag: string) => {
        expect(tag).toBe('a');
        const link = {
          href: '',
          download: '',
          hidden: false,
          click: () =>
            clicks.push({ href: link.href, download: link.download, hidden: link.hidden, attached: attached.has(link) }),
          remove: () => attached.delete(link),
        };
        return link;
      },
    },
  };
}

describe('download', () => {
  let clicks: Clicked[];
  let attached: Set<object>;

  beforeEach(() => {
    clicks = [];
    const fake = fakeDocument(clicks);
    attached = fake.attached;
    vi.stubGlobal('document', fake.document);
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('follows a link once through a hidden, attached anchor and removes it again', () => {
    followLink('/export/ego/abc');
    expect(clicks).toEqual([{ href: '/export/ego/abc', download: '', hidden: true, attached: true }]);
    expect(attached.size).toBe(0);
  });

  it('saves text as a blob of the given media type under the file name, and frees the blob later', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

    saveFile('auditlog.csv', 'text/csv', 'a;b\n1;2\n');

    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'auditlog.csv', hidden: true, attached: true }]);
    expect(attached.size).toBe(0);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('text/csv');
    expect(await blobs[0]?.text()).toBe('a;b\n1;2\n');
    // Not straight away: the browser may still be reading it.
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});
