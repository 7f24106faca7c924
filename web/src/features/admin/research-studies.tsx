import { useState, type SyntheticEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, SuccessMessage, TextField, type FormProblem } from '../../components/form';
import { ChartIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { CreateResearchStudyDocument, ResearchStudiesAdminDocument } from '../../gql/graphql';
import { classifyLoadError, hasErrorCode, invalidField } from '../../lib/load-error';
import { AdminFrame } from './admin-frame';
import { nl } from '../../messages/nl';
import './admin.css';

const texts = nl.admin.studies;
const NAME_MIN = 3;
const NAME_MAX = 120;
const FIELD = 'study-name';

/**
 * Onderzoeksstudies (issue 10): a named study keeps one salt, so its ego-network exports give a
 * client the same pseudonym every time. Only the name is shown; the salt never leaves the server.
 */
export function ResearchStudies() {
  const [studies, refetch] = useQuery({ query: ResearchStudiesAdminDocument });
  const [state, create] = useMutation(CreateResearchStudyDocument);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setCreated(null);
    const value = name.trim();
    if (value.length < NAME_MIN) {
      setProblems([{ fieldId: FIELD, message: texts.nameTooShort(NAME_MIN) }]);
      return;
    }
    const result = await create({ name: value });
    if (result.error) {
      setProblems([
        hasErrorCode(result.error, 'CONFLICT')
          ? { fieldId: FIELD, message: texts.nameTaken }
          : invalidField(result.error) === 'name'
            ? { fieldId: FIELD, message: texts.nameTooShort(NAME_MIN) }
            : { message: classifyLoadError(result.error) === 'UNAVAILABLE' ? nl.state.unavailable : nl.state.otherError },
      ]);
      return;
    }
    setProblems([]);
    setName('');
    setCreated(value);
    refetch({ requestPolicy: 'network-only' });
  }

  const list = studies.data?.researchStudies ?? [];
  return (
    <section className="card" aria-labelledby="studies-title">
      <h2 id="studies-title">
        <ChartIcon /> {texts.title}
      </h2>
      <p>{texts.intro}</p>
      {studies.fetching && !studies.data ? (
        <Loading />
      ) : studies.error ? (
        <LoadError error={studies.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : list.length === 0 ? (
        <p>{texts.none}</p>
      ) : (
        <ul>
          {list.map((study) => (
            <li key={study.id}>
              {study.name} <span className="muted">({texts.since(study.createdAt.slice(0, 10))})</span>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" noValidate onSubmit={(e) => void submit(e)} aria-label={texts.formLabel}>
        <ErrorSummary problems={problems} />
        <TextField
          id={FIELD}
          label={texts.nameLabel}
          problem={problems.find((p) => p.fieldId === FIELD)?.message}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          maxLength={NAME_MAX}
        />
        <button type="submit" className="button small" disabled={state.fetching}>
          {state.fetching ? nl.form.saving : texts.create}
        </button>
      </form>
      {created ? <SuccessMessage>{texts.created(created)}</SuccessMessage> : null}
    </section>
  );
}

/** Beheer › Onderzoeksstudies. */
export function ResearchStudiesPage() {
  return (
    <AdminFrame title={nl.admin.studies.title}>
      <ResearchStudies />
    </AdminFrame>
  );
}
