import type { Ref } from 'react';
import { ENTRY_STYLE, LINE_COLOR, SAFETY_NET_COLOR, TEXT_COLOR } from './circle-style';
import {
  LABEL_GAP,
  LABEL_SIZE,
  NODE_RADIUS,
  SECTOR_LABEL_SIZE,
  shortLabel,
  type ChangeMark,
  type CircleDrawingModel,
  type DrawnLabel,
  type DrawnNode,
} from './drawing-model';

/**
 * The netwerkcirkel as one SVG: crisp on paper, and self-contained (presentation attributes only,
 * no CSS classes), so the same element can be turned into a PNG.
 */

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const RING_FILL = ['#e8f0f8', '#f7f9fc'] as const;
const OUTLINE = '#1c1c1c';
const LEFT_COLOR = '#4f5560';
const HALO = { stroke: '#ffffff', strokeWidth: 4, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;

/** Badge colours; each mark also has its own sign (plus, arrow in, arrow out, minus), so colour is never the only cue. */
export const MARK_STYLE: Record<ChangeMark, { readonly fill: string }> = {
  JOINED: { fill: '#1d6b2f' },
  CLOSER: { fill: '#1f4e79' },
  FURTHER: { fill: '#8a4600' },
  LEFT: { fill: LEFT_COLOR },
};

interface BadgeProps {
  readonly mark: ChangeMark;
  readonly cx: number;
  readonly cy: number;
  /** Unit vector towards the centre of the circle. */
  readonly inward: { readonly x: number; readonly y: number };
  readonly r?: number;
}

/** The sign of a change: + joined, arrow to the middle closer, arrow outwards further, − left. */
export function MarkBadge({ mark, cx, cy, inward, r = 8 }: BadgeProps) {
  const s = r / 8;
  let sign;
  if (mark === 'JOINED') sign = <path d={`M${cx - 4.5 * s} ${cy}h${9 * s}M${cx} ${cy - 4.5 * s}v${9 * s}`} />;
  else if (mark === 'LEFT') sign = <path d={`M${cx - 4.5 * s} ${cy}h${9 * s}`} />;
  else {
    const d = mark === 'CLOSER' ? inward : { x: -inward.x, y: -inward.y };
    const head = { x: cx + 4.5 * s * d.x, y: cy + 4.5 * s * d.y };
    const tail = { x: cx - 4.5 * s * d.x, y: cy - 4.5 * s * d.y };
    const back = { x: head.x - 3.5 * s * d.x, y: head.y - 3.5 * s * d.y };
    const perp = { x: -d.y * 3 * s, y: d.x * 3 * s };
    sign = (
      <path
        d={`M${tail.x} ${tail.y}L${head.x} ${head.y}M${back.x + perp.x} ${back.y + perp.y}L${head.x} ${head.y}L${back.x - perp.x} ${back.y - perp.y}`}
      />
    );
  }
  return (
    <g>
      <circle cx={cx} cy={cy} r={r} fill={MARK_STYLE[mark].fill} stroke="#ffffff" strokeWidth={1.5 * s} />
      <g fill="none" stroke="#ffffff" strokeWidth={2 * s} strokeLinecap="round" strokeLinejoin="round">
        {sign}
      </g>
    </g>
  );
}

/** A ring or sector name; also used by the circle page's drawing (circle/circle-drawing.tsx). */
export function DrawnText({
  label,
  size,
  weight,
}: {
  readonly label: DrawnLabel;
  readonly size: number;
  readonly weight?: number;
}) {
  return (
    <text
      x={label.x}
      y={label.y}
      fontSize={size}
      fontWeight={weight}
      textAnchor={label.anchor}
      dominantBaseline={label.baseline}
      transform={label.rotation ? `rotate(${label.rotation} ${label.x} ${label.y})` : undefined}
      fill={TEXT_COLOR}
      {...HALO}
    >
      {label.text}
    </text>
  );
}

/** One entry: its shape, its name under it, and its change badge; also used by the circle page's drawing. */
export function EntryNode({ node }: { readonly node: DrawnNode }) {
  const style = ENTRY_STYLE[node.kind];
  const left = node.mark === 'LEFT';
  const fill = left ? '#ffffff' : style.color;
  const stroke = left ? LEFT_COLOR : OUTLINE;
  const dash = left ? '4 3' : undefined;
  const r = NODE_RADIUS;
  return (
    <g>
      {node.safetyNet && !left ? (
        <circle cx={node.x} cy={node.y} r={r + 4} fill="none" stroke={SAFETY_NET_COLOR} strokeWidth={3} />
      ) : null}
      {style.shape === 'round-rectangle' ? (
        <rect
          x={node.x - r}
          y={node.y - r}
          width={2 * r}
          height={2 * r}
          rx={4}
          fill={fill}
          stroke={stroke}
          strokeWidth={1.5}
          strokeDasharray={dash}
        />
      ) : (
        <circle
          cx={node.x}
          cy={node.y}
          r={r}
          fill={fill}
          stroke={stroke}
          strokeWidth={style.double && !left ? 4 : 1.5}
          strokeDasharray={dash}
        />
      )}
      {/* A double border, as in the legend: dark, white, dark. */}
      {style.double && !left ? <circle cx={node.x} cy={node.y} r={r} fill="none" stroke="#ffffff" strokeWidth={1.2} /> : null}
      <text
        x={node.x}
        y={node.y + LABEL_GAP}
        fontSize={LABEL_SIZE}
        textAnchor="middle"
        fill={left ? LEFT_COLOR : TEXT_COLOR}
        fontStyle={left ? 'italic' : undefined}
        {...HALO}
      >
        {node.label}
      </text>
      {node.mark ? <MarkBadge mark={node.mark} cx={node.x + r} cy={node.y - r} r={9} inward={node.inward} /> : null}
    </g>
  );
}

/** The rings, the outermost first (each smaller disc over the larger one): the print view's and the editor's drawing. */
export function CircleRings({ model }: { readonly model: CircleDrawingModel }) {
  const rings = [...model.rings].sort((a, b) => b.ring - a.ring);
  return (
    <>
      {rings.map((ring) => (
        <circle
          key={ring.ring}
          data-ring={ring.ring}
          cx={0}
          cy={0}
          r={ring.outer}
          fill={RING_FILL[ring.ring % 2 === 1 ? 0 : 1]}
          stroke={LINE_COLOR}
          strokeWidth={2}
        />
      ))}
    </>
  );
}

/** Over the rings: the lines between the sectors, and the ring and sector names. */
export function CircleGuides({ model }: { readonly model: CircleDrawingModel }) {
  return (
    <>
      {model.dividers.map((d, i) => (
        <line key={i} x1={d.x1} y1={d.y1} x2={d.x2} y2={d.y2} stroke={LINE_COLOR} strokeWidth={2} />
      ))}
      {model.ringLabels.map((l) => (
        <DrawnText key={`ring-${l.text}`} label={l} size={15} />
      ))}
      {model.sectorLabels.map((l) => (
        <DrawnText key={`sector-${l.text}`} label={l} size={SECTOR_LABEL_SIZE} weight={600} />
      ))}
    </>
  );
}

interface CircleSvgProps {
  readonly model: CircleDrawingModel;
  readonly clientName: string;
  /** What a screen reader says for the whole picture. */
  readonly label: string;
  readonly className?: string;
  readonly svgRef?: Ref<SVGSVGElement>;
}

export function CircleSvg({ model, clientName, label, className, svgRef }: CircleSvgProps) {
  const [x, y, width, height] = model.viewBox;
  return (
    <svg
      ref={svgRef}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${x} ${y} ${width} ${height}`}
      role="img"
      aria-label={label}
      fontFamily={FONT}
    >
      <rect x={x} y={y} width={width} height={height} fill="#ffffff" />
      <CircleRings model={model} />
      <CircleGuides model={model} />
      <circle cx={0} cy={0} r={model.innerRadius - 6} fill="#ffffff" stroke="#1f4e79" strokeWidth={3} />
      <text x={0} y={0} fontSize={16} fontWeight={700} textAnchor="middle" dominantBaseline="middle" fill={TEXT_COLOR}>
        {shortLabel(clientName, 10)}
      </text>
      {model.nodes.map((node) => (
        <EntryNode key={node.id} node={node} />
      ))}
    </svg>
  );
}
