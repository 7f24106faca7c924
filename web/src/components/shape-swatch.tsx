import './shape-swatch.css';

/** A small picture of a node shape, for legends: the same shape and colour as on the drawing. */
export type SwatchShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'triangle' | 'star' | 'line';

interface ShapeSwatchProps {
  readonly shape: SwatchShape;
  readonly fill: string;
  readonly stroke?: string;
  /** Extra ring around the shape (the vangnet marker of the netwerkcirkel). */
  readonly ring?: string;
  /** A double border (professionals in the netwerkcirkel). */
  readonly double?: boolean;
  /** For `line`: how the line is drawn. */
  readonly dash?: 'solid' | 'dashed' | 'dotted';
}

const STAR = (() => {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 10 : 4.2;
    const a = (i * Math.PI) / 5;
    points.push(`${(14 + r * Math.sin(a)).toFixed(2)},${(14 - r * Math.cos(a)).toFixed(2)}`);
  }
  return points.join(' ');
})();

export function ShapeSwatch({ shape, fill, stroke = '#1c1c1c', ring, double = false, dash = 'solid' }: ShapeSwatchProps) {
  const common = { fill, stroke, strokeWidth: double ? 4 : 2 };
  let body;
  switch (shape) {
    case 'ellipse':
      body = <circle cx="14" cy="14" r="8.5" {...common} />;
      break;
    case 'round-rectangle':
      body = <rect x="5.5" y="5.5" width="17" height="17" rx="4" {...common} />;
      break;
    case 'diamond':
      body = <polygon points="14,3.5 24.5,14 14,24.5 3.5,14" {...common} />;
      break;
    case 'triangle':
      body = <polygon points="14,4 24.5,23 3.5,23" {...common} />;
      break;
    case 'star':
      body = <polygon points={STAR} {...common} />;
      break;
    case 'line':
      body = (
        <line
          x1="2"
          y1="14"
          x2="26"
          y2="14"
          stroke={fill}
          strokeWidth="3"
          strokeDasharray={dash === 'dashed' ? '7 4' : dash === 'dotted' ? '2 4' : undefined}
          strokeLinecap={dash === 'dotted' ? 'round' : 'butt'}
        />
      );
      break;
  }
  return (
    <svg className="swatch" viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">
      {ring ? <circle cx="14" cy="14" r="12.5" fill="none" stroke={ring} strokeWidth="2.5" /> : null}
      {body}
      {double && shape !== 'line' ? <circle cx="14" cy="14" r="8.5" fill="none" stroke="#ffffff" strokeWidth="1.2" /> : null}
    </svg>
  );
}
