import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SettingsIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import './admin.css';

/**
 * Every page of Beheer (ADMIN only): the page title, one h1, and a way back to the list of
 * administration tasks. The API refuses everyone else anyway; the gate only spares them a page of errors.
 */
export function AdminFrame({
  title,
  lead,
  children,
}: {
  readonly title: string;
  readonly lead?: string;
  readonly children: ReactNode;
}) {
  return (
    <RoleGate roles={['ADMIN']}>
      <div className="page">
        <title>{nl.app.pageTitle(title)}</title>
        <p className="back-link">
          <Link to="/beheer">{nl.admin.back}</Link>
        </p>
        <h1>
          <SettingsIcon /> {title}
        </h1>
        {lead ? <p className="lead">{lead}</p> : null}
        {children}
      </div>
    </RoleGate>
  );
}
