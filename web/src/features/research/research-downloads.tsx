import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { DateField, ErrorSummary, SelectField, SuccessMessage, type FormProblem } from '../../components/form';
import { DownloadIcon } from '../../components/icons';
import {
  ResearchNetworkExportDocument,
  StartEgoNetworkExportDocument,
  type NetworkExportFormat,
  type ResearchQuartersQuery,
} from '../../gql/graphql';
import { followLink, saveFile } from '../../lib/download';
import { todayInAmsterdam } from '../../lib/format';
import { classifyLoadError, type LoadErrorLike } from '../../lib/load-error';
import { nl } from '../../messages/nl';
import { isIsoDate, type Wijk } from './research-model';

const texts = nl.research;
const DATE_FIELD = 'research-download-date';

type Study = ResearchQuartersQuery['researchStudies'][number];

const FORMATS: readonly { format: NetworkExportFormat; label: string }[] = [
  { format: 'GRAPHML', label: texts.graphml },
  { format: 'NODES_CSV', label: texts.nodesCsv },
  { format: 'LINKS_CSV', label: texts.linksCsv },
];

function generalProblem(error: LoadErrorLike): FormProblem {
  const kind = classifyLoadError(error);
  return {
    message: kind === 'UNAVAILABLE' ? nl.state.unavailable : kind === 'FORBIDDEN' ? nl.state.forbidden : nl.state.otherError,
  };
}

/**
 * The exports: the organisation network of the chosen wijk on a date (GraphML, two CSV files), and
 * for researchers the pseudonymised ego networks. The API records each one before it answers.
 */
export function ResearchDownloads({
  wijk,
  studies,
}: {
  readonly wijk: Wijk;
  /** The studies to choose from; null when the viewer may not download ego networks. */
  readonly studies: readonly Study[] | null;
}) {
  const client = useClient();
  const [date, setDate] = useState(() => todayInAmsterdam());
  const [busy, setBusy] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [studyId, setStudyId] = useState('');
  const [, startEgo] = useMutation(StartEgoNetworkExportDocument);

  async function downloadNetwork(format: NetworkExportFormat, label: string) {
    setStarted(null);
    if (!isIsoDate(date)) {
      setProblems([{ fieldId: DATE_FIELD, message: texts.dateInvalid }]);
      return;
    }
    setBusy(format);
    try {
      const result = await client
        .query(ResearchNetworkExportDocument, { districtId: wijk.districtId, date, format }, { requestPolicy: 'network-only' })
        .toPromise();
      const file = result.data?.researchNetworkExport;
      if (result.error || !file) {
        setProblems([result.error ? generalProblem(result.error) : { message: texts.noNetwork }]);
        return;
      }
      setProblems([]);
      saveFile(file.filename, file.mediaType, file.content);
      setStarted(file.filename || label);
    } finally {
      setBusy(null);
    }
  }

  async function downloadEgo() {
    setStarted(null);
    setBusy('EGO');
    try {
      const result = await startEgo({ studyId: studyId === '' ? null : studyId });
      const url = result.data?.startEgoNetworkExport.url;
      if (result.error || !url) {
        setProblems(result.error ? [generalProblem(result.error)] : []);
        return;
      }
      setProblems([]);
      // A one-time address of this session: the browser fetches the zip itself, with the session cookie.
      followLink(url);
      setStarted(texts.egoTitle);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel research-section" aria-labelledby="research-downloads">
      <h2 id="research-downloads">
        <DownloadIcon /> {texts.downloadsTitle}
      </h2>
      <p className="research-logged">{texts.downloadsLogged}</p>
      <ErrorSummary problems={problems} />
      {started ? <SuccessMessage>{texts.downloadStarted(started)}</SuccessMessage> : null}
      <section className="research-download-group" aria-labelledby="research-network-downloads">
        <h3 id="research-network-downloads">{texts.networkDownloadsTitle}</h3>
        <p>{texts.networkDownloadsIntro(wijk.districtName)}</p>
        <DateField
          id={DATE_FIELD}
          label={texts.dateLabel}
          hint={texts.dateHint}
          problem={problems.find((p) => p.fieldId === DATE_FIELD)?.message}
          value={date}
          onChange={setDate}
        />
        <div className="button-row research-download-buttons">
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              className="button secondary"
              disabled={busy !== null}
              onClick={() => void downloadNetwork(format, label)}
            >
              <DownloadIcon /> {busy === format ? texts.preparing : label}
            </button>
          ))}
        </div>
      </section>
      {studies ? (
        <section className="research-download-group" aria-labelledby="research-ego-downloads">
          <h3 id="research-ego-downloads">{texts.egoTitle}</h3>
          <p>{texts.egoText}</p>
          <SelectField
            id="research-study"
            label={texts.studyLabel}
            hint={texts.studyHint}
            value={studyId}
            onChange={(e) => setStudyId(e.target.value)}
          >
            <option value="">{texts.studyNone}</option>
            {studies.map((study) => (
              <option key={study.id} value={study.id}>
                {study.name}
              </option>
            ))}
          </SelectField>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void downloadEgo()}>
            <DownloadIcon /> {busy === 'EGO' ? texts.preparing : texts.egoButton}
          </button>
        </section>
      ) : null}
    </section>
  );
}
