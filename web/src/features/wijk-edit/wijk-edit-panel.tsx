import { useId, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormDialog } from '../../components/form-dialog';
import { CheckIcon, PencilIcon, PlusIcon, StopIcon } from '../../components/icons';
import { WijkEditSetKeyFigureConsentDocument } from '../../gql/graphql';
import { nl } from '../../messages/nl';
import { EndLinkButton } from './end-link-button';
import { ItemButton } from './item-button';
import { useWijkMutation } from './fields';
import { RecordKeyFigureForm } from './key-figure-forms';
import { RecordLinkForm, UpdateLinkForm } from './link-forms';
import { EndOfferingForm, OfferingForm } from './offering-forms';
import { JoinPartnershipForm, LeavePartnershipForm } from './partnership-forms';
import type { WijkEditMap } from './types';
import { dutchDate, joinCandidates, linkRows, members, namesOf, todayIso, wijkPartnerships } from './wijk-edit-model';
import './wijk-edit.css';

export type { WijkEditMap } from './types';

const t = nl.wijkEdit;

type Named = { readonly id: string; readonly name: string };
type Partnership = WijkEditMap['partnerships'][number];
type Offering = WijkEditMap['offerings'][number];

/** The one form dialog open at a time. */
type Dialog =
  | { readonly kind: 'recordLink' }
  | { readonly kind: 'editLink'; readonly linkId: string; readonly label: string }
  | { readonly kind: 'addKeyFigure' }
  | { readonly kind: 'join'; readonly partnership: Partnership }
  | { readonly kind: 'leave'; readonly partnership: Partnership; readonly member: Named }
  | { readonly kind: 'addOffering' }
  | { readonly kind: 'editOffering'; readonly offering: Offering }
  | { readonly kind: 'endOffering'; readonly offering: Offering };

function dialogTitle(dialog: Dialog): string {
  switch (dialog.kind) {
    case 'recordLink':
      return t.recordLink;
    case 'editLink':
      return t.editLinkTitle;
    case 'addKeyFigure':
      return t.addKeyFigure;
    case 'join':
      return t.addMemberTitle(dialog.partnership.name);
    case 'leave':
      return t.memberStopsTitle;
    case 'addOffering':
      return t.addOffering;
    case 'editOffering':
      return t.editOfferingTitle;
    case 'endOffering':
      return t.offeringStopsTitle;
  }
}

interface WijkEditPanelProps {
  readonly districtId: string;
  readonly map: WijkEditMap;
  /** Called after every change: the page asks for the map again. */
  readonly onChanged: () => void;
}

/**
 * "Wijkkaart bijwerken": a calm, collapsible section where the wijk's coordinator records links,
 * key figures (with consent), partnership members and offerings. Every change is a dialog; the
 * result is said in a polite live region and the page shows the new map.
 */
export function WijkEditPanel({ districtId, map, onChanged }: WijkEditPanelProps) {
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [withdrawing, setWithdrawing] = useState<Named | null>(null);
  const [withdrawProblem, setWithdrawProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [withdrawBusy, setConsent] = useWijkMutation(WijkEditSetKeyFigureConsentDocument);

  /** A change went through: say so, show the new map, and (when its row may be gone) keep focus in the panel. */
  const done = (message: string, moveFocus = false) => {
    setDialog(null);
    setStatus(message);
    onChanged();
    if (moveFocus) window.setTimeout(() => statusRef.current?.focus(), 0);
  };

  const withdraw = async () => {
    if (!withdrawing) return;
    const outcome = await setConsent({ input: { keyFigureId: withdrawing.id, consent: false } });
    if (!outcome.ok) {
      setWithdrawProblem(outcome.problem.message);
      return;
    }
    const name = withdrawing.name;
    setWithdrawing(null);
    done(t.withdrawn(name), true);
  };

  return (
    <section className="panel wijk-edit" aria-labelledby={headingId}>
      <h2 id={headingId} className="wijk-edit-heading">
        <button
          type="button"
          className="wijk-edit-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <PencilIcon /> {t.title}
          <span className="wijk-edit-chevron" aria-hidden="true">
            {open ? '▲' : '▼'}
          </span>
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        <p className="wijk-edit-intro">{t.intro}</p>
        <div role="status" aria-live="polite" className="wijk-edit-status">
          {status ? (
            <p className="success" tabIndex={-1} ref={statusRef}>
              <CheckIcon /> {status}
            </p>
          ) : null}
        </div>
        <div className="wijk-edit-parts">
          <LinksPart
            map={map}
            onRecord={() => setDialog({ kind: 'recordLink' })}
            onEdit={(linkId, label) => setDialog({ kind: 'editLink', linkId, label })}
            onChanged={onChanged}
            onEnded={(message) => done(message, true)}
          />
          <Part title={t.keyFiguresTitle} intro={t.keyFiguresIntro}>
            <AddButton text={t.addKeyFigure} onClick={() => setDialog({ kind: 'addKeyFigure' })} />
            {map.keyFigures.length === 0 ? (
              <p className="wijk-edit-empty">{t.noKeyFigures}</p>
            ) : (
              <ul className="wijk-edit-list">
                {map.keyFigures.map((k) => (
                  <Item key={k.id} name={k.name}>
                    <ItemButton
                      icon={<StopIcon />}
                      text={t.withdraw}
                      name={k.name}
                      onClick={() => {
                        setWithdrawProblem(null);
                        setWithdrawing(k);
                      }}
                    />
                  </Item>
                ))}
              </ul>
            )}
          </Part>
          <PartnershipsPart
            map={map}
            districtId={districtId}
            onJoin={(partnership) => setDialog({ kind: 'join', partnership })}
            onLeave={(partnership, member) => setDialog({ kind: 'leave', partnership, member })}
          />
          <OfferingsPart
            map={map}
            onAdd={() => setDialog({ kind: 'addOffering' })}
            onEdit={(offering) => setDialog({ kind: 'editOffering', offering })}
            onEnd={(offering) => setDialog({ kind: 'endOffering', offering })}
          />
        </div>
      </div>

      <FormDialog
        open={dialog !== null}
        title={dialog ? dialogTitle(dialog) : ''}
        onClose={() => setDialog(null)}
        className="wijk-edit-dialog"
      >
        {dialog ? (
          <DialogBody dialog={dialog} districtId={districtId} map={map} onCancel={() => setDialog(null)} onDone={done} />
        ) : null}
      </FormDialog>
      <ConfirmDialog
        open={withdrawing !== null}
        title={t.withdrawTitle}
        confirmLabel={t.withdrawConfirm}
        confirmIcon={<StopIcon />}
        busy={withdrawBusy}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => void withdraw()}
      >
        <p>{withdrawing ? t.withdrawText(withdrawing.name) : null}</p>
        {withdrawProblem ? (
          <p className="field-problem" role="alert">
            {withdrawProblem}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function DialogBody({
  dialog,
  districtId,
  map,
  onCancel,
  onDone,
}: {
  readonly dialog: Dialog;
  readonly districtId: string;
  readonly map: WijkEditMap;
  readonly onCancel: () => void;
  readonly onDone: (message: string, moveFocus?: boolean) => void;
}) {
  switch (dialog.kind) {
    case 'recordLink':
      return <RecordLinkForm districtId={districtId} map={map} onCancel={onCancel} onDone={(m) => onDone(m)} />;
    case 'editLink':
      return (
        <UpdateLinkForm
          districtId={districtId}
          linkId={dialog.linkId}
          label={dialog.label}
          onCancel={onCancel}
          onDone={(m) => onDone(m)}
        />
      );
    case 'addKeyFigure':
      return <RecordKeyFigureForm districtId={districtId} onCancel={onCancel} onDone={(m) => onDone(m)} />;
    case 'join':
      return (
        <JoinPartnershipForm
          partnership={dialog.partnership}
          candidates={joinCandidates(map, dialog.partnership)}
          onCancel={onCancel}
          onDone={(m) => onDone(m)}
        />
      );
    case 'leave':
      return (
        <LeavePartnershipForm
          partnership={dialog.partnership}
          member={dialog.member}
          onCancel={onCancel}
          onDone={(m) => onDone(m, true)}
        />
      );
    case 'addOffering':
      return <OfferingForm districtId={districtId} map={map} onCancel={onCancel} onDone={(m) => onDone(m)} />;
    case 'editOffering':
      return (
        <OfferingForm
          districtId={districtId}
          map={map}
          offering={dialog.offering}
          onCancel={onCancel}
          onDone={(m) => onDone(m)}
        />
      );
    case 'endOffering':
      return <EndOfferingForm offering={dialog.offering} onCancel={onCancel} onDone={(m) => onDone(m, true)} />;
  }
}

function Part({ title, intro, children }: { readonly title: string; readonly intro: string; readonly children: ReactNode }) {
  const id = useId();
  return (
    <section className="wijk-edit-part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="wijk-edit-part-intro">{intro}</p>
      {children}
    </section>
  );
}

/** The button that opens a part's "add" dialog. */
function AddButton({ text, onClick }: { readonly text: string; readonly onClick: () => void }) {
  return (
    <div className="button-row">
      <button type="button" className="button" onClick={onClick}>
        <PlusIcon /> {text}
      </button>
    </div>
  );
}

/** A part whose rows fold away under a summary ("Toon de 12 verbindingen"), with an add button above. */
function ListPart({
  title,
  intro,
  add,
  onAdd,
  count,
  empty,
  summary,
  children,
}: {
  readonly title: string;
  readonly intro: string;
  readonly add: string;
  readonly onAdd: () => void;
  readonly count: number;
  readonly empty: string;
  readonly summary: string;
  readonly children: ReactNode;
}) {
  return (
    <Part title={title} intro={intro}>
      <AddButton text={add} onClick={onAdd} />
      {count === 0 ? (
        <p className="wijk-edit-empty">{empty}</p>
      ) : (
        <details className="wijk-edit-more">
          <summary>{summary}</summary>
          <ul className="wijk-edit-list" aria-label={title}>
            {children}
          </ul>
        </details>
      )}
    </Part>
  );
}

/** One row of a list: its name (with a detail in smaller type, if any) and its buttons. */
function Item({ name, detail, children }: { readonly name: string; readonly detail?: ReactNode; readonly children: ReactNode }) {
  return (
    <li>
      <span className="wijk-edit-item-name">
        {name}
        {detail !== undefined ? <span className="wijk-edit-item-detail">{detail}</span> : null}
      </span>
      <span className="wijk-edit-item-buttons">{children}</span>
    </li>
  );
}

function LinksPart({
  map,
  onRecord,
  onEdit,
  onChanged,
  onEnded,
}: {
  readonly map: WijkEditMap;
  readonly onRecord: () => void;
  readonly onEdit: (linkId: string, label: string) => void;
  readonly onChanged: () => void;
  readonly onEnded: (message: string) => void;
}) {
  const rows = linkRows(map, todayIso());
  return (
    <ListPart
      title={t.linksTitle}
      intro={t.linksIntro}
      add={t.recordLink}
      onAdd={onRecord}
      count={rows.length}
      empty={t.noLinks}
      summary={t.showLinks(rows.length)}
    >
      {rows.map((row) => (
        <Item
          key={row.id}
          name={row.label}
          detail={
            <>
              {nl.linkKind[row.kind]}
              {row.since ? `, ${t.linkSince(dutchDate(row.since))}` : null}
            </>
          }
        >
          <ItemButton icon={<PencilIcon />} text={t.edit} name={row.label} onClick={() => onEdit(row.id, row.label)} />
          <EndLinkButton linkId={row.id} label={row.label} onChanged={onChanged} onDone={onEnded} />
        </Item>
      ))}
    </ListPart>
  );
}

function PartnershipsPart({
  map,
  districtId,
  onJoin,
  onLeave,
}: {
  readonly map: WijkEditMap;
  readonly districtId: string;
  readonly onJoin: (partnership: Partnership) => void;
  readonly onLeave: (partnership: Partnership, member: Named) => void;
}) {
  const own = wijkPartnerships(map, districtId);
  return (
    <Part title={t.partnershipsTitle} intro={t.partnershipsIntro}>
      {own.length === 0 ? <p className="wijk-edit-empty">{t.noPartnerships}</p> : null}
      {own.map((partnership) => {
        const candidates = joinCandidates(map, partnership);
        const list = members(map, partnership);
        return (
          <div className="wijk-edit-partnership" key={partnership.id}>
            <h4>
              {partnership.name} <span className="wijk-edit-item-detail">({t.members(list.length)})</span>
            </h4>
            {candidates.length > 0 ? (
              <div className="button-row">
                <button
                  aria-label={`${t.addMember}: ${partnership.name}`}
                  type="button"
                  className="button secondary"
                  onClick={() => onJoin(partnership)}
                >
                  <PlusIcon /> {t.addMember}
                </button>
              </div>
            ) : (
              <p className="wijk-edit-empty">{t.noCandidates}</p>
            )}
            {list.length > 0 ? (
              <details className="wijk-edit-more">
                <summary aria-label={`${nl.wijk.showMembers}: ${partnership.name}`}>{nl.wijk.showMembers}</summary>
                <ul className="wijk-edit-list">
                  {list.map((member) => (
                    <Item key={member.id} name={member.name}>
                      <ItemButton
                        icon={<StopIcon />}
                        text={t.memberStops}
                        name={member.name}
                        onClick={() => onLeave(partnership, member)}
                      />
                    </Item>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </Part>
  );
}

function OfferingsPart({
  map,
  onAdd,
  onEdit,
  onEnd,
}: {
  readonly map: WijkEditMap;
  readonly onAdd: () => void;
  readonly onEdit: (offering: Offering) => void;
  readonly onEnd: (offering: Offering) => void;
}) {
  const names = namesOf(map);
  const offerings = [...map.offerings].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <ListPart
      title={t.offeringsTitle}
      intro={t.offeringsIntro}
      add={t.addOffering}
      onAdd={onAdd}
      count={offerings.length}
      empty={t.noOfferings}
      summary={t.showOfferings(offerings.length)}
    >
      {offerings.map((o) => (
        <Item
          key={o.id}
          name={o.name}
          detail={[
            names.get(o.organisationId),
            t.categoryOption[o.category],
            o.languages
              .map((code) => (code in t.languageName ? t.languageName[code as keyof typeof t.languageName] : code))
              .join(', '),
          ]
            .filter(Boolean)
            .join(' · ')}
        >
          <ItemButton icon={<PencilIcon />} text={t.edit} name={o.name} onClick={() => onEdit(o)} />
          <ItemButton icon={<StopIcon />} text={t.offeringStops} name={o.name} onClick={() => onEnd(o)} />
        </Item>
      ))}
    </ListPart>
  );
}
