import { useMemo, useState, type SyntheticEvent } from 'react';
import { useQuery } from 'urql';
import { DateField, ErrorSummary, type FormProblem } from '../../components/form';
import { EyeIcon, SearchIcon } from '../../components/icons';
import { LoadError, Loading } from '../../components/load-state';
import { AuditReviewDocument, type AuditReviewQuery } from '../../gql/graphql';
import { todayInAmsterdam } from '../../lib/format';
import { nl } from '../../messages/nl';
import { addDays, flagForm, formatLogTime, isRealDate, lastWeek, type FilterForm } from './audit-model';

const texts = nl.adminAudit;
const FROM = 'audit-flags-from';
const TO = 'audit-flags-to';
const MAX_DAYS = 92;
/** Flags shown at first, and added per "Meer tonen": a test server may hold hundreds. */
const STEP = 10;

type Flag = AuditReviewQuery['auditReview']['flags'][number];
const KINDS = ['MANY_CLIENTS', 'NIGHT_READS', 'REPEATED_REFUSALS', 'FAILED_LOGINS'] as const;

function roleName(role: string | null | undefined): string | null {
  return role && role in nl.role ? nl.role[role as keyof typeof nl.role] : null;
}

/** Who a flag is about, in words. */
function who(flag: Flag): string {
  if (flag.kind === 'FAILED_LOGINS') return texts.flagUsername(flag.username ?? '');
  if (flag.accountName) return texts.flagWho(flag.accountName, roleName(flag.actorRole));
  if (flag.origin) return texts.flagFromAddress(flag.origin);
  return texts.flagUnknownAccount;
}

/**
 * "Opvallende toegang": the review of a period (the last week to start with), each flag with a
 * button that opens its records in the search above.
 */
export function AuditFlags({ onShow }: { readonly onShow: (form: FilterForm) => void }) {
  const [draft, setDraft] = useState(() => lastWeek(todayInAmsterdam()));
  const [period, setPeriod] = useState(draft);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [run, setRun] = useState(0);
  const [shown, setShown] = useState(STEP);
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const, run }), [run]);
  const [review, refetch] = useQuery({ query: AuditReviewDocument, variables: period, context });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const found: FormProblem[] = [];
    if (!isRealDate(draft.from)) found.push({ fieldId: FROM, message: texts.problems.fromInvalid });
    if (!isRealDate(draft.to)) found.push({ fieldId: TO, message: texts.problems.toInvalid });
    if (found.length === 0 && draft.to < draft.from) found.push({ fieldId: TO, message: texts.flagsPeriodBackwards });
    if (found.length === 0 && addDays(draft.from, MAX_DAYS - 1) < draft.to)
      found.push({ fieldId: TO, message: texts.flagsPeriodTooLong });
    setProblems(found);
    if (found.length > 0) return;
    setPeriod({ ...draft });
    setRun((n) => n + 1);
    setShown(STEP);
  }

  const data = review.data?.auditReview;
  return (
    <section className="panel" aria-labelledby="audit-flags-title">
      <h2 id="audit-flags-title">
        <EyeIcon /> {texts.flagsTitle}
      </h2>
      <p>{texts.flagsIntro}</p>
      {data ? (
        <ul className="audit-rules">
          {texts.flagsRules(data.manyClients, data.refusals, data.failedLogins, data.windowMinutes).map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      ) : null}
      <form className="audit-period" noValidate onSubmit={submit} aria-label={texts.flagsFormLabel}>
        <ErrorSummary problems={problems} />
        <div className="audit-fields">
          <DateField
            id={FROM}
            label={texts.flagsFrom}
            problem={problems.find((p) => p.fieldId === FROM)?.message}
            value={draft.from}
            onChange={(from) => setDraft((d) => ({ ...d, from }))}
          />
          <DateField
            id={TO}
            label={texts.flagsTo}
            hint={texts.flagsPeriodHint}
            problem={problems.find((p) => p.fieldId === TO)?.message}
            value={draft.to}
            onChange={(to) => setDraft((d) => ({ ...d, to }))}
          />
        </div>
        <button type="submit" className="button secondary">
          <SearchIcon /> {texts.flagsButton}
        </button>
      </form>
      <div aria-live="polite">
        {review.fetching && !data ? (
          <Loading />
        ) : review.error ? (
          <LoadError error={review.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : data ? (
          <>
            {data.truncated ? <p className="warning">{texts.flagsTruncated}</p> : null}
            <p className="count">{data.flags.length === 0 ? texts.flagsNone : texts.flagsCount(data.flags.length)}</p>
            {data.flags.length > 0 ? (
              <ul className="audit-flag-kinds">
                {KINDS.map((kind) => [kind, data.flags.filter((f) => f.kind === kind).length] as const)
                  .filter(([, n]) => n > 0)
                  .map(([kind, n]) => (
                    <li key={kind}>{texts.flagKindCount(texts.flagKind[kind], n)}</li>
                  ))}
              </ul>
            ) : null}
            {data.flags.length > 0 ? (
              <ul className="audit-flags">
                {data.flags.slice(0, shown).map((flag) => {
                  const kind = texts.flagKind[flag.kind];
                  const first = formatLogTime(flag.first);
                  const last = formatLogTime(flag.last);
                  return (
                    <li key={`${flag.kind}-${flag.first}-${who(flag)}`} className="audit-flag">
                      <h3>{kind}</h3>
                      <p className="audit-flag-who">{who(flag)}</p>
                      <p>{texts.flagText[flag.kind](flag.count, flag.clients)}</p>
                      <p className="muted">{texts.flagWhen(first, last)}</p>
                      <button type="button" className="button small secondary" onClick={() => onShow(flagForm(flag))}>
                        <SearchIcon /> {texts.flagShow}
                        <span className="visually-hidden">{texts.flagShowFor(kind, who(flag))}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {data.flags.length > shown ? (
              <p>
                <button type="button" className="button secondary" onClick={() => setShown((n) => n + STEP)}>
                  {texts.flagsMore(Math.min(STEP, data.flags.length - shown), data.flags.length - shown)}
                </button>
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
