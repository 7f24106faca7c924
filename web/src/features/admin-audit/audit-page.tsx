import { useEffect, useMemo, useState, type SyntheticEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { ErrorSummary, SelectField, SuccessMessage, TextField, DateField, type FormProblem } from '../../components/form';
import { DownloadIcon, SearchIcon, StopIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ScrollTable } from '../../components/scroll-table';
import { AuditExportDocument, AuditSearchDocument, type AuditSearchQuery } from '../../gql/graphql';
import { saveFile } from '../../lib/download';
import { todayInAmsterdam } from '../../lib/format';
import { classifyLoadError, hasErrorCode, invalidField, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { AdminFrame } from '../admin/admin-frame';
import { AuditChain } from './audit-chain';
import { AuditFlags } from './audit-flags';
import { EMPTY_FILTER, filterProblems, formatLogTime, lastWeek, shortRef, toFilterInput, type FilterForm } from './audit-model';
import './audit.css';

const texts = nl.adminAudit;
const PAGE_SIZE = 25;
const EXPORT_MAX = (50_000).toLocaleString('nl-NL');
const ACTIONS = ['READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE', 'PRINT', 'EXPORT', 'LOGIN', 'LOGOUT'] as const;
const RESULTS = ['SUCCESS', 'DENIED', 'FAILED'] as const;

type Entry = AuditSearchQuery['auditSearch']['nodes'][number];

/** The id of each field in the form, so the error summary can link to it. */
const FIELD_IDS: Record<keyof FilterForm, string> = {
  account: 'audit-account',
  client: 'audit-client',
  clientUsername: 'audit-client-username',
  action: 'audit-action',
  result: 'audit-result',
  subject: 'audit-subject',
  origin: 'audit-origin',
  from: 'audit-from',
  to: 'audit-to',
};

/** The API's field path ("filter.clientUsername") to the form's field. */
function formField(path: string | null): keyof FilterForm | null {
  const name = path?.replace(/^filter\./, '') ?? '';
  return name in FIELD_IDS ? (name as keyof FilterForm) : null;
}

function generalMessage(error: LoadErrorLike): string {
  const kind = classifyLoadError(error);
  return kind === 'UNAVAILABLE' ? nl.state.unavailable : kind === 'FORBIDDEN' ? nl.state.forbidden : nl.state.otherError;
}

/** What went wrong with a search the server refused, at the field it names. */
function searchProblems(error: LoadErrorLike): FormProblem[] {
  const field = formField(invalidField(error));
  if (hasErrorCode(error, 'NOT_FOUND')) {
    return [{ fieldId: FIELD_IDS.clientUsername, message: texts.problems.clientUnknown }];
  }
  if (hasErrorCode(error, 'INVALID_INPUT')) {
    return [{ fieldId: field ? FIELD_IDS[field] : undefined, message: texts.problems.invalid }];
  }
  return [{ message: generalMessage(error) }];
}

function roleName(role: string | null | undefined): string {
  return role && role in nl.role ? nl.role[role as keyof typeof nl.role] : '—';
}

function Who({ entry }: { readonly entry: Entry }) {
  if (entry.actorName) {
    return (
      <>
        {entry.actorName}
        {entry.actorUsername ? <span className="audit-sub">{entry.actorUsername}</span> : null}
      </>
    );
  }
  return (
    <>
      {entry.actorAccountId ? texts.unknownAccount : texts.nobody}
      {entry.actorLabel ? <span className="audit-sub">{texts.tried(entry.actorLabel)}</span> : null}
      {entry.actorAccountId && !entry.actorLabel ? <span className="audit-sub">{entry.actorAccountId.slice(0, 8)}…</span> : null}
    </>
  );
}

/** Date above time, so the column stays narrow. */
function LogTime({ at }: { readonly at: string }) {
  const [date, time] = formatLogTime(at).split(' ');
  return (
    <time dateTime={at} className="audit-nowrap">
      {date} <span className="audit-time">{time}</span>
    </time>
  );
}

/** The options of a filter that may be left open: "any", then each value by its name. */
function AnyOrOne({ values, names }: { readonly values: readonly string[]; readonly names: Readonly<Record<string, string>> }) {
  return (
    <>
      <option value="">{texts.any}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {names[value]}
        </option>
      ))}
    </>
  );
}

function ResultCell({ result }: { readonly result: string }) {
  const label = texts.result[result] ?? result;
  return <span className={`audit-result audit-result-${result.toLowerCase()}`}>{label}</span>;
}

/** The results of the applied filter, a page at a time, with the download of the whole selection. */
function AuditResults({
  form,
  run,
  onClient,
  onProblems,
}: {
  readonly form: FilterForm;
  /** Changes with every search, so the same filter asks again (the log grows all the time). */
  readonly run: number;
  readonly onClient: (ref: string) => void;
  readonly onProblems: (problems: FormProblem[]) => void;
}) {
  const client = useClient();
  const filter = useMemo(() => toFilterInput(form), [form]);
  const [cursors, setCursors] = useState<string[]>([]);
  const [cursorRun, setCursorRun] = useState(run);
  if (cursorRun !== run) {
    // A new search starts at its first page.
    setCursorRun(run);
    setCursors([]);
  }
  const after = cursors[cursors.length - 1] ?? null;
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const, run }), [run]);
  const [search, refetch] = useQuery({ query: AuditSearchDocument, variables: { filter, first: PAGE_SIZE, after }, context });
  const [busy, setBusy] = useState(false);
  const [downloaded, setDownloaded] = useState<{ file: string; rows: number; truncated: boolean } | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<FormProblem[]>([]);
  useEffect(() => {
    if (!search.error) return;
    const problems = searchProblems(search.error);
    // Problems with a field belong with the form above; anything else is shown here.
    if (problems.some((p) => p.fieldId !== undefined)) onProblems(problems);
  }, [search.error, onProblems]);

  async function download() {
    setBusy(true);
    setDownloaded(null);
    try {
      const result = await client.query(AuditExportDocument, { filter }, { requestPolicy: 'network-only' }).toPromise();
      const file = result.data?.auditExport;
      if (result.error || !file) {
        setDownloadProblem([{ message: result.error ? generalMessage(result.error) : nl.state.otherError }]);
        return;
      }
      setDownloadProblem([]);
      saveFile(file.filename, file.mediaType, file.content);
      setDownloaded({ file: file.filename, rows: file.rows, truncated: file.truncated });
    } finally {
      setBusy(false);
    }
  }

  const page = search.data?.auditSearch;
  const total = page?.pageInfo.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section className="audit-results" aria-labelledby="audit-results-title">
      <h2 id="audit-results-title" tabIndex={-1}>
        {texts.resultsTitle}
      </h2>
      {search.fetching && !page ? (
        <Loading />
      ) : search.error ? (
        searchProblems(search.error).some((p) => p.fieldId !== undefined) ? null : (
          <LoadError error={search.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        )
      ) : page ? (
        <>
          <p className="count" role="status">
            {total === 0 ? texts.none : texts.found(total)}
          </p>
          {page.nodes.length > 0 ? (
            <ScrollTable caption={texts.caption} tableClassName="audit-table">
              <thead>
                <tr>
                  <th scope="col">{texts.columns.at}</th>
                  <th scope="col">{texts.columns.who}</th>
                  <th scope="col">{texts.columns.role}</th>
                  <th scope="col">{texts.columns.onBehalfOf}</th>
                  <th scope="col">{texts.columns.client}</th>
                  <th scope="col">{texts.columns.what}</th>
                  <th scope="col">{texts.columns.result}</th>
                  <th scope="col">{texts.columns.origin}</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <LogTime at={entry.at} />
                    </td>
                    <td>
                      <Who entry={entry} />
                    </td>
                    <td>{roleName(entry.actorRole)}</td>
                    <td>{entry.onBehalfOf ?? '—'}</td>
                    <td>
                      {entry.clientRef ? (
                        <button
                          type="button"
                          className="audit-ref"
                          title={entry.clientRef}
                          onClick={() => onClient(entry.clientRef ?? '')}
                        >
                          <code>{shortRef(entry.clientRef)}</code>
                          <span className="visually-hidden">{texts.filterOnClient(entry.clientRef)}</span>
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {texts.action[entry.action] ?? entry.action}
                      <span className="audit-sub">{texts.subject[entry.subject] ?? entry.subject}</span>
                    </td>
                    <td>
                      <ResultCell result={entry.result} />
                    </td>
                    <td className="audit-origin">{entry.origin ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : null}
          {total > PAGE_SIZE ? (
            <nav className="audit-paging" aria-label={texts.pagingLabel}>
              <button
                type="button"
                className="button small secondary"
                disabled={cursors.length === 0 || search.fetching}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                {texts.previous}
              </button>
              <span>{texts.page(cursors.length + 1, pages)}</span>
              <button
                type="button"
                className="button small secondary"
                disabled={!page.pageInfo.hasNextPage || search.fetching}
                onClick={() => {
                  const next = page.pageInfo.endCursor;
                  if (next) setCursors((c) => [...c, next]);
                }}
              >
                {texts.next}
              </button>
            </nav>
          ) : null}
          <div className="audit-download">
            <ErrorSummary problems={downloadProblem} />
            <p className="field-hint">{texts.downloadHint(EXPORT_MAX)}</p>
            <button type="button" className="button secondary" disabled={busy || total === 0} onClick={() => void download()}>
              <DownloadIcon /> {busy ? texts.downloading : texts.download}
            </button>
            {downloaded ? (
              <SuccessMessage>
                {texts.downloaded(downloaded.file, downloaded.rows)}
                {downloaded.truncated ? ` ${texts.truncated(EXPORT_MAX)}` : ''}
              </SuccessMessage>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * Beheer › Auditlog (issue 11): search the audit log by account, client, action, result and
 * period; see refusals; download the selection; check the hash chain; review unusual access.
 */
export function AuditPage() {
  const [draft, setDraft] = useState<FilterForm>(() => ({ ...EMPTY_FILTER, ...lastWeek(todayInAmsterdam()) }));
  const [applied, setApplied] = useState<FilterForm>(draft);
  const [run, setRun] = useState(0);
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const set = (field: keyof FilterForm) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const problemOf = (field: keyof FilterForm) => problems.find((p) => p.fieldId === FIELD_IDS[field])?.message;
  /** What every field of the filter form passes on: its id, its problem, its value and its setter. */
  const fieldProps = (field: keyof FilterForm) => ({
    id: FIELD_IDS[field],
    problem: problemOf(field),
    value: draft[field],
    onChange: (e: { readonly target: { readonly value: string } }) => set(field)(e.target.value),
  });

  function apply(form: FilterForm, focusResults = false) {
    const found = filterProblems(form).map(({ field, problem }) => ({
      fieldId: FIELD_IDS[field],
      message: texts.problems[problem],
    }));
    setDraft(form);
    setProblems(found);
    if (found.length > 0) return;
    setApplied(form);
    setRun((n) => n + 1);
    if (focusResults) {
      requestAnimationFrame(() => {
        const heading = document.getElementById('audit-results-title');
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus();
      });
    }
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <AdminFrame title={texts.title} lead={texts.lead}>
      <section className="panel" aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">
          <SearchIcon /> {texts.searchTitle}
        </h2>
        <form noValidate onSubmit={submit} aria-label={texts.searchFormLabel}>
          <ErrorSummary problems={problems} />
          <div className="audit-fields">
            <TextField
              {...fieldProps('account')}
              label={texts.accountLabel}
              hint={texts.accountHint}
              maxLength={80}
              autoComplete="off"
            />
            <TextField
              {...fieldProps('client')}
              label={texts.clientLabel}
              hint={texts.clientHint}
              maxLength={64}
              autoComplete="off"
            />
            <TextField
              {...fieldProps('clientUsername')}
              label={texts.clientUsernameLabel}
              hint={texts.clientUsernameHint}
              maxLength={80}
              autoComplete="off"
            />
            <SelectField {...fieldProps('action')} label={texts.actionLabel}>
              <AnyOrOne values={ACTIONS} names={texts.action} />
            </SelectField>
            <SelectField {...fieldProps('result')} label={texts.resultLabel}>
              <AnyOrOne values={RESULTS} names={texts.result} />
            </SelectField>
            <DateField {...fieldProps('from')} label={texts.fromLabel} onChange={set('from')} />
            <DateField {...fieldProps('to')} label={texts.toLabel} hint={texts.periodHint} onChange={set('to')} />
          </div>
          <details className="audit-more" open={draft.subject !== '' || draft.origin !== ''}>
            <summary>{texts.moreFilters}</summary>
            <div className="audit-fields">
              <TextField
                {...fieldProps('subject')}
                label={texts.subjectLabel}
                hint={texts.subjectHint}
                maxLength={80}
                autoComplete="off"
              />
              <TextField
                {...fieldProps('origin')}
                label={texts.originLabel}
                hint={texts.originHint}
                maxLength={100}
                autoComplete="off"
              />
            </div>
          </details>
          <div className="button-row">
            <button type="submit" className="button">
              <SearchIcon /> {texts.search}
            </button>
            <button type="button" className="button secondary" onClick={() => apply({ ...draft, result: 'DENIED' })}>
              <StopIcon /> {texts.onlyRefusals}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => apply({ ...EMPTY_FILTER, ...lastWeek(todayInAmsterdam()) })}
            >
              {texts.clear}
            </button>
          </div>
        </form>
      </section>
      <AuditResults
        form={applied}
        run={run}
        onClient={(ref) => apply({ ...applied, client: ref, clientUsername: '' }, true)}
        onProblems={setProblems}
      />
      <AuditFlags onShow={(form) => apply(form, true)} />
      <AuditChain />
    </AdminFrame>
  );
}
