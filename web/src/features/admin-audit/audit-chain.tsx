import { useMutation } from 'urql';
import { ErrorSummary, SuccessMessage } from '../../components/form';
import { CheckIcon, InfoIcon, LockIcon } from '../../components/icons';
import { VerifyAuditChainDocument } from '../../gql/graphql';
import { classifyLoadError } from '../../lib/load-error';
import { formatDateTime } from '../../lib/format';
import { nl } from '../../messages/nl';

const texts = nl.adminAudit;

/** "Keten controleren": walks the whole hash chain on the server and says, in plain words, whether it is intact. */
export function AuditChain() {
  const [state, verify] = useMutation(VerifyAuditChainDocument);
  const result = state.data?.verifyAuditChain;
  const problem = state.error
    ? classifyLoadError(state.error) === 'UNAVAILABLE'
      ? nl.state.unavailable
      : classifyLoadError(state.error) === 'FORBIDDEN'
        ? nl.state.forbidden
        : nl.state.otherError
    : null;

  return (
    <section className="panel" aria-labelledby="audit-chain-title">
      <h2 id="audit-chain-title">
        <LockIcon /> {texts.chainTitle}
      </h2>
      <p>{texts.chainText}</p>
      <button type="button" className="button" disabled={state.fetching} onClick={() => void verify({})}>
        <CheckIcon /> {state.fetching ? texts.chainBusy : texts.chainButton}
      </button>
      <div aria-live="polite">
        {problem ? <ErrorSummary problems={[{ message: problem }]} /> : null}
        {result && !state.fetching ? (
          <div className="audit-chain-result">
            {result.ok ? (
              <SuccessMessage>{texts.chainOk(result.checked)}</SuccessMessage>
            ) : (
              <div className="notice" role="alert">
                <p className="notice-title">
                  <InfoIcon /> {texts.chainBroken(result.brokenSeq ?? 0)}
                </p>
                <p>{texts.chainBrokenText}</p>
                {result.brokenReason ? <p className="muted">{texts.chainReason(result.brokenReason)}</p> : null}
              </div>
            )}
            {result.headSeq !== null && result.headSeq !== undefined && result.headHash ? (
              <>
                <p>{texts.chainHead(result.headSeq)}</p>
                <p className="audit-hash">
                  <code>{result.headHash}</code>
                </p>
                <p className="field-hint">{texts.chainHeadHint}</p>
              </>
            ) : null}
            <p className="muted">{texts.chainAt(formatDateTime(result.verifiedAt))}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
