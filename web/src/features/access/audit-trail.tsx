import { useEffect, useRef, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { EyeIcon, PlusIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { AuditTrailDocument, type AuditTrailQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { nl } from '../../messages/nl';
import { byMonth } from './audit-months';
import { describeAuditEvent } from './audit-text';
import './audit-trail.css';

type AuditEvent = AuditTrailQuery['myAuditTrail']['nodes'][number];

const PAGE_SIZE = 10;

/**
 * "Wie heeft er gekeken": the client's audit trail, newest first, ten at a time, by month. The
 * client's own looks are left out unless they ask for them (issue 11: they buried the begeleider's).
 * The first page comes from useQuery; "Meer laden" fetches the next page and adds it below, then
 * moves focus to the first new line so keyboard and screen-reader users continue where the list grew.
 */
export function AuditTrail() {
  const client = useClient();
  const [includeOwnLooks, setIncludeOwnLooks] = useState(false);
  const [result, reexecute] = useQuery({
    query: AuditTrailDocument,
    variables: { first: PAGE_SIZE, after: null, includeOwnLooks },
    requestPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState<{ events: AuditEvent[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  const firstNew = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const trail = result.data?.myAuditTrail;
  // A refreshed first page may now also hold lines of the pages loaded after it: show each line once.
  const events = [...new Map([...(trail?.nodes ?? []), ...(more?.events ?? [])].map((e) => [e.id, e])).values()];
  const hasNextPage = more ? more.hasNextPage : (trail?.pageInfo.hasNextPage ?? false);
  const endCursor = more ? more.endCursor : (trail?.pageInfo.endCursor ?? null);

  useEffect(() => {
    if (firstNew.current === null) return;
    const item = listRef.current?.querySelector(`[data-event="${CSS.escape(firstNew.current)}"]`);
    firstNew.current = null;
    if (item instanceof HTMLElement) item.focus();
  }, [more]);

  async function loadMore() {
    setLoadingMore(true);
    setMoreError(null);
    const next = await client.query(AuditTrailDocument, { first: PAGE_SIZE, after: endCursor, includeOwnLooks }).toPromise();
    setLoadingMore(false);
    if (next.error || !next.data) {
      setMoreError(next.error ?? null);
      return;
    }
    const page = next.data.myAuditTrail;
    firstNew.current = page.nodes[0]?.id ?? null;
    setMore({
      events: [...(more?.events ?? []), ...page.nodes],
      endCursor: page.pageInfo.endCursor,
      hasNextPage: page.pageInfo.hasNextPage,
    });
  }

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">
        <EyeIcon /> {nl.access.auditTitle}
      </h2>
      <p>{nl.access.auditIntro}</p>
      <div className="checkbox">
        <input
          id="audit-own-looks"
          type="checkbox"
          checked={includeOwnLooks}
          aria-describedby="audit-own-looks-hint"
          onChange={(e) => {
            setMore(null);
            setIncludeOwnLooks(e.target.checked);
          }}
        />
        <label htmlFor="audit-own-looks">{nl.access.auditOwnLooks}</label>
      </div>
      <p id="audit-own-looks-hint" className="muted">
        {nl.access.auditOwnLooksHint}
      </p>
      {result.fetching && !result.data ? <Loading /> : null}
      {result.error && !result.data ? (
        <LoadError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {trail && events.length === 0 ? <p>{nl.access.auditEmpty}</p> : null}
      {events.length > 0 ? (
        <div ref={listRef}>
          {byMonth(events).map((group) => (
            <section key={group.month} aria-label={nl.access.auditMonth(group.month)}>
              <h3 className="audit-month">{nl.access.auditMonth(group.month)}</h3>
              <ol className="audit-list">
                {group.events.map((node) => (
                  <li key={node.id} className="audit-item" tabIndex={-1} data-event={node.id}>
                    <time dateTime={node.at}>{formatDateTime(node.at)}</time>
                    <span className={node.result === 'SUCCESS' ? 'audit-text' : 'audit-text refused'}>
                      {describeAuditEvent(node)}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      ) : null}
      {trail && events.length > 0 ? (
        <p className="muted">{nl.access.auditCount(events.length, trail.pageInfo.totalCount)}</p>
      ) : null}
      {moreError ? <LoadError error={moreError} onRetry={() => void loadMore()} /> : null}
      {hasNextPage ? (
        <button type="button" className="button secondary" onClick={() => void loadMore()} disabled={loadingMore}>
          <PlusIcon /> {loadingMore ? nl.form.saving : nl.access.loadMore}
        </button>
      ) : null}
    </section>
  );
}
