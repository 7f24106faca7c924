import type { ReactNode } from 'react';

/**
 * Small inline icons shown beside words (never instead of them). Decorative for screen readers:
 * the word next to the icon says it all.
 */
interface IconProps {
  readonly className?: string;
}

function Svg({ children, className }: { readonly children: ReactNode; readonly className?: string | undefined }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="1.25em"
      height="1.25em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** Concentric rings: the Wijkkring mark and the netwerkcirkel. */
export function CircleIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="10" />
      <circle cx="12" cy="12" r="5.5" />
      <circle cx="12" cy="12" r="1.5" fill="currentColor" />
    </Svg>
  );
}

/** Houses: a wijk. */
export function DistrictIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M3 11 9 6l6 5v9H3z" />
      <path d="M15 11l3-2.5 3 2.5v9h-6" />
      <path d="M7.5 20v-4h3v4" />
    </Svg>
  );
}

export function HomeIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
    </Svg>
  );
}

export function StarIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 3l2.7 5.6 6.1.8-4.4 4.3 1 6.1L12 17l-5.4 2.8 1-6.1-4.4-4.3 6.1-.8z" fill="currentColor" />
    </Svg>
  );
}

export function RetryIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M20 11a8 8 0 1 0-2.3 5.7" />
      <path d="M20 4v7h-7" />
    </Svg>
  );
}

export function InfoIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 11v6" />
      <circle cx="12" cy="7.5" r="0.6" fill="currentColor" />
    </Svg>
  );
}

export function ArrowIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M5 12h14" />
      <path d="M13 6l6 6-6 6" />
    </Svg>
  );
}

export function BackIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M19 12H5" />
      <path d="M11 6l-6 6 6 6" />
    </Svg>
  );
}

export function ListIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" fill="currentColor" />
      <circle cx="4.5" cy="12" r="1" fill="currentColor" />
      <circle cx="4.5" cy="18" r="1" fill="currentColor" />
    </Svg>
  );
}

/** A lifebuoy: vangnet. */
export function SafetyNetIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="4" />
      <path d="M5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6" />
    </Svg>
  );
}

export function PeopleIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.5-3.5 3.2-5.5 6.5-5.5s6 2 6.5 5.5" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M17 14.5c2.4 0 4.1 1.5 4.5 4" />
    </Svg>
  );
}

export function ZoomInIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21M10.5 7.5v6M7.5 10.5h6" />
    </Svg>
  );
}

export function ZoomOutIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21M7.5 10.5h6" />
    </Svg>
  );
}

export function FitIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
    </Svg>
  );
}

/** A door with an arrow going in. */
export function LoginIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4" />
      <path d="M3 12h11M10 8l4 4-4 4" />
    </Svg>
  );
}

/** A door with an arrow going out. */
export function LogoutIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M10 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4" />
      <path d="M10 12h11M17 8l4 4-4 4" />
    </Svg>
  );
}

export function UserIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c.8-4 4-6.5 8-6.5s7.2 2.5 8 6.5" />
    </Svg>
  );
}

/** An eye: looking along. */
export function EyeIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </Svg>
  );
}

export function LockIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </Svg>
  );
}

export function KeyIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
    </Svg>
  );
}

export function DownloadIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 3v12M7 10l5 5 5-5" />
      <path d="M4 19h16" />
    </Svg>
  );
}

export function TrashIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 7h16M9 7V4h6v3" />
      <path d="M6 7l1 13h10l1-13" />
      <path d="M10 11v6M14 11v6" />
    </Svg>
  );
}

export function SearchIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21" />
    </Svg>
  );
}

export function CheckIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 12.5l5 5L20 6.5" />
    </Svg>
  );
}

/** The save status (issue 14): a cloud with a tick, saved. */
export function SavedIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M7 18h10.5a4.5 4.5 0 0 0 .6-8.96A6 6 0 0 0 6.3 10.1 4 4 0 0 0 7 18z" />
      <path d="M9.5 13.5l2 2 3.5-4" />
    </Svg>
  );
}

/** The save status: a cloud with an arrow up, on its way. */
export function SavingIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M7 18h10.5a4.5 4.5 0 0 0 .6-8.96A6 6 0 0 0 6.3 10.1 4 4 0 0 0 7 18z" />
      <path d="M12 16v-5M9.8 13l2.2-2.2 2.2 2.2" />
    </Svg>
  );
}

/** The save status: a triangle with an exclamation mark, not saved. */
export function WarningIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4.5" />
      <circle cx="12" cy="17.3" r="0.6" fill="currentColor" />
    </Svg>
  );
}

export function PencilIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 20l4-1 11-11-3-3L5 16z" />
      <path d="M14 6l3 3" />
    </Svg>
  );
}

export function PlusIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 5v14M5 12h14" />
    </Svg>
  );
}

export function StopIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />
    </Svg>
  );
}

/** A bar chart: research. */
export function ChartIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 20h16" />
      <path d="M7 16v-5M12 16V6M17 16v-8" />
    </Svg>
  );
}

/** A gear: Beheer. */
export function SettingsIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1" />
    </Svg>
  );
}

/** An arrow into a dot: closer to the middle of the circle. */
export function CloserIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="19" cy="12" r="2.5" fill="currentColor" />
      <path d="M3 12h11" />
      <path d="M10 8l4 4-4 4" />
    </Svg>
  );
}

/** An arrow away from a dot: further from the middle of the circle. */
export function FurtherIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="5" cy="12" r="2.5" fill="currentColor" />
      <path d="M10 12h11" />
      <path d="M17 8l4 4-4 4" />
    </Svg>
  );
}

export function UndoIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Svg>
  );
}

export function RedoIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Svg>
  );
}

/** A light bulb: ideas (Aandachtspunten en kansen). */
export function IdeaIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M9 18h6M10 21h4" />
      <path d="M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" />
    </Svg>
  );
}

/** A loudspeaker: read aloud. */
export function SpeakerIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 9v6h4l5 4V5L8 9z" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
    </Svg>
  );
}

export function HeartIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.3 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" />
    </Svg>
  );
}

/** A cross in a square: the huisarts. */
export function DoctorIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
      <path d="M12 8v8M8 12h8" />
    </Svg>
  );
}

/** Two overlapping circles: help that overlaps. */
export function OverlapIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="9" cy="12" r="6" />
      <circle cx="15" cy="12" r="6" />
    </Svg>
  );
}

/** Arrows pointing to the middle: people came closer, or could again. */
export function InwardIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="2" fill="currentColor" />
      <path d="M3 3l5 5M8 4v4H4M21 21l-5-5M16 20v-4h4" />
    </Svg>
  );
}

/** A map pin: in your own wijk. */
export function PinIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.3" />
    </Svg>
  );
}

export function PrinterIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M7 9V3h10v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M7 14h10v7H7z" />
    </Svg>
  );
}

/** A picture with a mountain: an image file. */
export function ImageIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="8.5" cy="9.5" r="1.5" />
      <path d="M21 16l-5-5-9 9" />
    </Svg>
  );
}

/** A bookmark with a tick: keeping this moment (Vastleggen). */
export function SnapshotIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M6 3h12v18l-6-4-6 4z" />
      <path d="M9 9.5l2 2 4-4" />
    </Svg>
  );
}

/** Two arrows going opposite ways: what changed. */
export function ChangesIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 8h14M14 4l4 4-4 4" />
      <path d="M20 16H6M10 12l-4 4 4 4" />
    </Svg>
  );
}

// Kinds of offers in the wijk (issue 14, "Aanbod in je wijk"); the others reuse the icons above.

/** An open door: a walk-in (inloop). */
export function DoorIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M3 21h18" />
      <path d="M6 21V3h12v18" />
      <path d="M6 3l7 2v16" />
      <circle cx="11" cy="12" r="0.8" fill="currentColor" />
    </Svg>
  );
}

/** Two people side by side: a maatje. */
export function BuddyIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="7.5" cy="6.5" r="2.5" />
      <circle cx="16.5" cy="6.5" r="2.5" />
      <path d="M3 20v-4.5A3.5 3.5 0 0 1 6.5 12h2a3.5 3.5 0 0 1 3.5 3.5 3.5 3.5 0 0 1 3.5-3.5h2a3.5 3.5 0 0 1 3.5 3.5V20" />
    </Svg>
  );
}

/** A dumbbell: sport and exercise. */
export function SportIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M6.5 7v10M17.5 7v10M3.5 9.5v5M20.5 9.5v5M6.5 12h11" />
    </Svg>
  );
}

/** A speech bubble with lines: language. */
export function SpeechIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M4 4h16v11H10l-5 4v-4H4z" />
      <path d="M8 8.5h8M8 11.5h5" />
    </Svg>
  );
}

/** A euro sign in a coin: help with money. */
export function EuroIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="M15.5 8.5a4.5 4.5 0 1 0 0 7" />
      <path d="M7 10.5h6M7 13.5h6" />
    </Svg>
  );
}

/** A sun: something to do during the day (dagbesteding). */
export function SunIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4" />
    </Svg>
  );
}

/** A hand holding a heart: volunteering. */
export function HandHeartIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 11.5S8.5 9.3 8.5 7a1.9 1.9 0 0 1 3.5-1 1.9 1.9 0 0 1 3.5 1c0 2.3-3.5 4.5-3.5 4.5z" />
      <path d="M2.5 14.5h3l3.5 2h4.5a1.5 1.5 0 0 0 0-3H10" />
      <path d="M5.5 20.5h8l7-5.5a1.6 1.6 0 0 0-2.2-2.3L14.5 15.5" />
    </Svg>
  );
}

/** A grown-up and a child: youth and family. */
export function FamilyIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M4 21v-6.5a4 4 0 0 1 8 0V21" />
      <circle cx="17" cy="11" r="2" />
      <path d="M14 21v-3a3 3 0 0 1 6 0v3" />
    </Svg>
  );
}

/** A care bag with a cross: district nursing. */
export function CareBagIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="3" y="7" width="18" height="13" rx="2" />
      <path d="M9 7V4.5h6V7" />
      <path d="M12 10.5v6M9 13.5h6" />
    </Svg>
  );
}

/** A fork and a knife: eating together. */
export function MealIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M6 3v5a2.5 2.5 0 0 0 5 0V3M8.5 3v18" />
      <path d="M17.5 21V3c-2 1-3.5 3.5-3.5 7.5 0 1.5 1 2.5 3.5 2.5" />
    </Svg>
  );
}

/** A house with a heart: sheltered living (beschermd wonen). */
export function ShelterIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M3 11l9-7 9 7" />
      <path d="M5 10v10h14V10" />
      <path d="M12 17.5s-3-1.8-3-3.7a1.5 1.5 0 0 1 3-.5 1.5 1.5 0 0 1 3 .5c0 1.9-3 3.7-3 3.7z" />
    </Svg>
  );
}

/** A head: help for how you feel and think (psychische hulp). */
export function MindIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M9 21v-3H6.5a1.5 1.5 0 0 1-1.5-1.5V14l-2-.8 2-3.4A7 7 0 1 1 15 16.3V21" />
    </Svg>
  );
}
