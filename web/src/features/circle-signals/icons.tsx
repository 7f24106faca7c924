import type { ReactNode } from 'react';

/**
 * Icons of the circle's signals, history and print pages, drawn like components/icons.tsx: beside
 * words, never instead of them, and hidden from screen readers.
 */
function Svg({ children }: { readonly children: ReactNode }) {
  return (
    <svg
      className="icon"
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

/** A light bulb: ideas (Aandachtspunten en kansen). */
export function IdeaIcon() {
  return (
    <Svg>
      <path d="M9 18h6M10 21h4" />
      <path d="M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z" />
    </Svg>
  );
}

/** A loudspeaker: read aloud. */
export function SpeakerIcon() {
  return (
    <Svg>
      <path d="M4 9v6h4l5 4V5L8 9z" />
      <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
    </Svg>
  );
}

export function HeartIcon() {
  return (
    <Svg>
      <path d="M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.3 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z" />
    </Svg>
  );
}

/** A cross in a square: the huisarts. */
export function DoctorIcon() {
  return (
    <Svg>
      <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
      <path d="M12 8v8M8 12h8" />
    </Svg>
  );
}

/** Two overlapping circles: help that overlaps. */
export function OverlapIcon() {
  return (
    <Svg>
      <circle cx="9" cy="12" r="6" />
      <circle cx="15" cy="12" r="6" />
    </Svg>
  );
}

/** Arrows pointing to the middle: people came closer, or could again. */
export function InwardIcon() {
  return (
    <Svg>
      <circle cx="12" cy="12" r="2" fill="currentColor" />
      <path d="M3 3l5 5M8 4v4H4M21 21l-5-5M16 20v-4h4" />
    </Svg>
  );
}

/** A map pin: in your own wijk. */
export function PinIcon() {
  return (
    <Svg>
      <path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.3" />
    </Svg>
  );
}

export function PrinterIcon() {
  return (
    <Svg>
      <path d="M7 9V3h10v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M7 14h10v7H7z" />
    </Svg>
  );
}

/** A picture with a mountain: an image file. */
export function ImageIcon() {
  return (
    <Svg>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="8.5" cy="9.5" r="1.5" />
      <path d="M21 16l-5-5-9 9" />
    </Svg>
  );
}

/** A bookmark with a tick: keeping this moment (Vastleggen). */
export function SnapshotIcon() {
  return (
    <Svg>
      <path d="M6 3h12v18l-6-4-6 4z" />
      <path d="M9 9.5l2 2 4-4" />
    </Svg>
  );
}

/** Two arrows going opposite ways: what changed. */
export function ChangesIcon() {
  return (
    <Svg>
      <path d="M4 8h14M14 4l4 4-4 4" />
      <path d="M20 16H6M10 12l-4 4 4 4" />
    </Svg>
  );
}

export function CalendarIcon() {
  return (
    <Svg>
      <rect x="3.5" y="5" width="17" height="15" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </Svg>
  );
}
