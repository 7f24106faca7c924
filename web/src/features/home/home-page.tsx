import { Link } from 'react-router';
import { ArrowIcon, DistrictIcon, PeopleIcon } from '../../components/icons';
import { nl } from '../../messages/nl';

export function HomePage() {
  return (
    <div className="page">
      <title>{nl.app.name}</title>
      <h1>{nl.home.title}</h1>
      <p className="lead">{nl.home.intro}</p>
      <ul className="cards">
        <li className="card">
          <h2>
            <DistrictIcon /> {nl.home.districtsTitle}
          </h2>
          <p>{nl.home.districtsText}</p>
          <Link className="button" to="/wijken">
            {nl.home.districtsLink} <ArrowIcon />
          </Link>
        </li>
        <li className="card">
          <h2>
            <PeopleIcon /> {nl.home.circlesTitle}
          </h2>
          <p>{nl.home.circlesText}</p>
          <Link className="button" to="/kring">
            {nl.home.circlesLink} <ArrowIcon />
          </Link>
        </li>
      </ul>
    </div>
  );
}
