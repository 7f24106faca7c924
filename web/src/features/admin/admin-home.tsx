import { Link } from 'react-router';
import { SettingsIcon } from '../../components/icons';
import { nl } from '../../messages/nl';
import { RoleGate } from '../session/guards';
import './admin.css';

const SECTIONS = ['accounts', 'organisaties', 'inlezen', 'audit', 'personen', 'studies'] as const;

/** Beheer (ADMIN): the tasks of running Wijkkring for a city, one page each (issue 11). */
export function AdminHomePage() {
  return (
    <RoleGate roles={['ADMIN']}>
      <div className="page">
        <title>{nl.app.pageTitle(nl.admin.title)}</title>
        <h1>
          <SettingsIcon /> {nl.admin.title}
        </h1>
        <p className="lead">{nl.admin.homeIntro}</p>
        <ul className="admin-sections">
          {SECTIONS.map((key) => (
            <li key={key} className="panel">
              <h2>
                <Link to={`/beheer/${key}`}>{nl.admin.sections[key].title}</Link>
              </h2>
              <p>{nl.admin.sections[key].text}</p>
            </li>
          ))}
        </ul>
      </div>
    </RoleGate>
  );
}
