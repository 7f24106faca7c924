import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, SelectField, SuccessMessage, type FormProblem } from '../../components/form';
import { CheckIcon, DownloadIcon, InfoIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { ScrollTable } from '../../components/scroll-table';
import {
  ApplySocialMapImportDocument,
  SocialMapImportPreviewDocument,
  type SocialMapImportOutcome,
  type SocialMapImportPreviewQuery,
} from '../../gql/graphql';
import { classifyLoadError, hasErrorCode } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { AdminFrame } from '../admin/admin-frame';
import './import-page.css';

const texts = nl.adminImport;
/** Copies of docs/sociale-kaart-voorbeeld.csv and docs/SOCIALE-KAART.md in web/public (a test keeps them equal). */
const EXAMPLE_URL = '/sociale-kaart-voorbeeld.csv';
const DOCS_URL = '/SOCIALE-KAART.md';
const MAX_BYTES = 5 * 1024 * 1024;
const PAGE = 100;
const OUTCOMES: readonly SocialMapImportOutcome[] = ['ERROR', 'CREATE', 'CHANGE', 'UNCHANGED'];
const FILE_FIELD = 'import-file';

type Preview = SocialMapImportPreviewQuery['socialMapImportPreview'];

/** Sends the file's bytes to the upload endpoint (too big for a GraphQL request); returns the upload id or a problem. */
async function uploadFile(file: File): Promise<{ uploadId: string } | { problem: string }> {
  try {
    const response = await fetch('/import/sociale-kaart', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv', 'x-wijkkring-csrf': '1', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    if (response.status === 413) return { problem: texts.fileTooBig };
    if (response.status === 401) return { problem: nl.state.unauthenticated };
    if (response.status === 403) return { problem: nl.state.forbidden };
    const json = (await response.json()) as { uploadId?: string };
    return response.ok && json.uploadId ? { uploadId: json.uploadId } : { problem: texts.uploadFailed };
  } catch {
    return { problem: nl.state.unavailable };
  }
}

function outcomeText(line: Preview['lines']['nodes'][number]): string {
  return line.outcome === 'CHANGE' ? texts.changed(line.changes) : (texts.outcome[line.outcome] ?? line.outcome);
}

/** The dry run: the errors first, then the counts, then every line (100 at a time). */
function PreviewView({
  uploadId,
  onApplied,
  onCancel,
}: {
  readonly uploadId: string;
  readonly onApplied: (message: string) => void;
  readonly onCancel: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const [outcome, setOutcome] = useState<SocialMapImportOutcome | null>(null);
  const [preview, refetch] = useQuery({
    query: SocialMapImportPreviewDocument,
    variables: { uploadId, offset, outcome },
    requestPolicy: 'network-only',
  });
  const [applying, apply] = useMutation(ApplySocialMapImportDocument);
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const filterId = useId();

  const data = preview.data?.socialMapImportPreview;
  if (!data) {
    if (preview.error) {
      return hasErrorCode(preview.error, 'NOT_FOUND') ? (
        <div className="notice" role="alert">
          <p>
            <InfoIcon /> {texts.expired}
          </p>
          <button type="button" className="button secondary" onClick={onCancel}>
            {texts.another}
          </button>
        </div>
      ) : (
        <LoadError error={preview.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      );
    }
    return <Loading />;
  }

  async function confirmApply() {
    const result = await apply({ uploadId });
    setConfirming(false);
    if (result.error) {
      setProblems([
        {
          message: hasErrorCode(result.error, 'IMPORT_HAS_ERRORS')
            ? texts.stillErrors
            : hasErrorCode(result.error, 'NOT_FOUND')
              ? texts.expired
              : classifyLoadError(result.error) === 'UNAVAILABLE'
                ? nl.state.unavailable
                : nl.state.otherError,
        },
      ]);
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const totals = result.data?.applySocialMapImport.totals;
    const closed = result.data?.applySocialMapImport.closedActions ?? 0;
    onApplied(
      [texts.applied(totals?.create ?? 0, totals?.change ?? 0), closed > 0 ? texts.appliedActions(closed) : '']
        .filter(Boolean)
        .join(' '),
    );
  }

  const { totals } = data;
  const page = data.lines;
  const errorProblems: FormProblem[] = data.errors.map((e) => ({ message: texts.errorLine(e.line, e.column, e.message) }));
  return (
    <section className="card import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{texts.previewTitle}</h2>
      <p className="muted">{texts.fileFacts(data.fileName ?? texts.noName, Math.max(1, Math.round(data.bytes / 1024)))}</p>
      <ErrorSummary problems={problems} />
      {data.errorCount > 0 ? (
        <>
          <ErrorSummary problems={errorProblems} title={texts.errorsTitle(data.errorCount)} />
          {data.errorCount > data.errors.length ? <p>{texts.errorsMore(data.errors.length, data.errorCount)}</p> : null}
        </>
      ) : null}
      <p className="import-summary">
        {texts.summary(totals.lines, totals.create, totals.change, totals.unchanged, totals.error)}
      </p>
      <ScrollTable caption={texts.totalsCaption} boxClassName="import-totals">
        <thead>
          <tr>
            <th scope="col">{texts.kindColumn}</th>
            <th scope="col">{texts.createColumn}</th>
            <th scope="col">{texts.changeColumn}</th>
            <th scope="col">{texts.unchangedColumn}</th>
          </tr>
        </thead>
        <tbody>
          {totals.byKind.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{texts.kind[k.kind]}</th>
              <td>{k.create}</td>
              <td>{k.change}</td>
              <td>{k.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <div className="button-row import-actions">
        {data.canApply ? (
          <button type="button" className="button" onClick={() => setConfirming(true)} disabled={applying.fetching}>
            <CheckIcon /> {texts.apply}
          </button>
        ) : null}
        <button type="button" className="button secondary" onClick={onCancel}>
          {texts.cancel}
        </button>
      </div>
      {!data.canApply ? <p>{texts.fixAndRetry}</p> : totals.create + totals.change === 0 ? <p>{texts.nothingToDo}</p> : null}

      <div className="import-filter">
        <SelectField
          id={filterId}
          label={texts.showLabel}
          value={outcome ?? ''}
          onChange={(e) => {
            setOutcome(e.target.value === '' ? null : (e.target.value as SocialMapImportOutcome));
            setOffset(0);
          }}
        >
          <option value="">{texts.showAll}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {texts.outcomeFilter[o]}
            </option>
          ))}
        </SelectField>
      </div>
      <ScrollTable caption={texts.linesCaption} boxClassName="import-lines">
        <thead>
          <tr>
            <th scope="col">{texts.lineColumn}</th>
            <th scope="col">{texts.kindColumn}</th>
            <th scope="col">{texts.nameColumn}</th>
            <th scope="col">{texts.outcomeColumn}</th>
          </tr>
        </thead>
        <tbody>
          {page.nodes.map((line) => (
            <tr key={line.line} className={`import-outcome-${line.outcome.toLowerCase()}`}>
              <td>{line.line}</td>
              <td>{line.kind ? texts.kind[line.kind] : '–'}</td>
              <td>{line.label}</td>
              <td>{outcomeText(line)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p aria-live="polite">{texts.linesRange(offset + 1, offset + page.nodes.length, page.totalCount)}</p>
      {page.totalCount > PAGE ? (
        <div className="button-row">
          <button
            type="button"
            className="button secondary small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {texts.previous}
          </button>
          <button
            type="button"
            className="button secondary small"
            disabled={offset + PAGE >= page.totalCount}
            onClick={() => setOffset(offset + PAGE)}
          >
            {texts.next}
          </button>
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={texts.confirmTitle}
        confirmLabel={texts.apply}
        confirmIcon={<CheckIcon />}
        onConfirm={() => void confirmApply()}
        onCancel={() => setConfirming(false)}
        busy={applying.fetching}
      >
        <p>{texts.confirmText(totals.create, totals.change, totals.unchanged)}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Beheer › Sociale kaart inlezen (issue 11): choose a file, see the dry run, apply it or not. */
export function ImportPage() {
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const hintId = useId();

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblems([{ fieldId: FILE_FIELD, message: texts.fileMissing }]);
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblems([{ fieldId: FILE_FIELD, message: texts.fileTooBig }]);
      return;
    }
    setBusy(true);
    const result = await uploadFile(file);
    setBusy(false);
    if ('problem' in result) {
      setProblems([{ fieldId: FILE_FIELD, message: result.problem }]);
      return;
    }
    setProblems([]);
    setUploadId(result.uploadId);
  }

  function reset() {
    setUploadId(null);
    if (fileRef.current) fileRef.current.value = '';
  }

  const fileProblem = problems.find((p) => p.fieldId === FILE_FIELD)?.message;
  return (
    <AdminFrame title={texts.title} lead={texts.lead}>
      <section className="card" aria-labelledby="import-format-title">
        <h2 id="import-format-title">{texts.formatTitle}</h2>
        <p>{texts.formatText}</p>
        <ul className="import-links">
          <li>
            <a href={EXAMPLE_URL} download="sociale-kaart-voorbeeld.csv">
              <DownloadIcon /> {texts.exampleLink}
            </a>
          </li>
          <li>
            <a href={DOCS_URL} target="_blank" rel="noreferrer">
              <InfoIcon /> {texts.docsLink}
            </a>
          </li>
        </ul>
        <details>
          <summary>{texts.columnsSummary}</summary>
          <p>{texts.columnsText}</p>
        </details>
        {done ? <SuccessMessage>{done}</SuccessMessage> : null}
        {uploadId === null ? (
          <form className="import-form" noValidate onSubmit={(e) => void submit(e)} aria-label={texts.title}>
            <ErrorSummary problems={problems} />
            <div className={fileProblem ? 'field has-problem' : 'field'}>
              <label htmlFor={FILE_FIELD}>{texts.fileLabel}</label>
              <p className="field-hint" id={hintId}>
                {texts.fileHint}
              </p>
              {fileProblem ? (
                <p className="field-problem" id={`${FILE_FIELD}-problem`}>
                  {fileProblem}
                </p>
              ) : null}
              <input
                id={FILE_FIELD}
                ref={fileRef}
                type="file"
                accept=".csv,text/csv"
                aria-describedby={[hintId, fileProblem ? `${FILE_FIELD}-problem` : null].filter(Boolean).join(' ')}
                aria-invalid={fileProblem ? true : undefined}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? texts.uploading : texts.upload}
            </button>
          </form>
        ) : null}
      </section>
      {uploadId !== null ? (
        <PreviewView
          key={uploadId}
          uploadId={uploadId}
          onApplied={(message) => {
            reset();
            setDone(message);
          }}
          onCancel={reset}
        />
      ) : null}
    </AdminFrame>
  );
}
