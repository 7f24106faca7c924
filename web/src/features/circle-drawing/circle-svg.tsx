import type { CSSProperties, Ref } from 'react';
import { ENTRY_STYLE, LINE_COLOR, SAFETY_NET_COLOR, TEXT_COLOR } from './circle-style';
import {
  CLIENT_LABEL_SIZE,
  LABEL_SIZE,
  NODE_RADIUS,
  clientNameLines,
  type ChangeMark,
  type CircleDrawingModel,
  type DrawnLabel,
  type DrawnNode,
} from './drawing-model';
import type { TextAnchor } from './label-boxes';
import { LINE_HEIGHT } from './text-lines';

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

/** What kind of text a <text> is, for browser tests that measure every name on the drawing. */
export type TextRole = 'node' | 'ring' | 'sector' | 'client';

interface LinesProps {
  readonly lines: readonly string[];
  readonly x: number;
  /** The vertical middle of the block. */
  readonly y: number;
  readonly size: number;
  readonly anchor: TextAnchor;
  readonly role: TextRole;
  readonly weight?: number | undefined;
  readonly rotation?: number | undefined;
  readonly fill?: string | undefined;
  readonly italic?: boolean | undefined;
  /** The colour around each letter, so text stays readable over lines and shapes; none when undefined. */
  readonly halo?: string | undefined;
}

/**
 * A block of text, one <tspan> per line, centred on y. Presentation attributes only, so the
 * PNG (which paints a copy of the SVG) breaks the lines exactly as the screen does.
 */
export function TextLines({
  lines,
  x,
  y,
  size,
  anchor,
  role,
  weight,
  rotation,
  fill = TEXT_COLOR,
  italic,
  halo = '#ffffff',
}: LinesProps) {
  const step = size * LINE_HEIGHT;
  const first = y - ((lines.length - 1) * step) / 2;
  return (
    <text
      data-text={role}
      x={x}
      y={first}
      fontSize={size}
      fontWeight={weight}
      fontStyle={italic ? 'italic' : undefined}
      textAnchor={anchor}
      dominantBaseline="central"
      transform={rotation ? `rotate(${String(rotation)} ${String(x)} ${String(y)})` : undefined}
      fill={fill}
      {...(halo ? { ...HALO, stroke: halo } : {})}
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={first + i * step}>
          {/* A space between lines, so the text reads (and a screen reader's name matches) "Huisarts
              Kanaleneiland", not "HuisartsKanaleneiland"; on the side away from the anchor, so the
              lines stay aligned. */}
          {anchor === 'end' ? (i > 0 ? ` ${line}` : line) : i < lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  );
}

/** A ring or sector name; also used by the circle page's drawing (circle/editable-circle.tsx). */
export function DrawnText({ label, role }: { readonly label: DrawnLabel; readonly role: TextRole }) {
  return (
    <TextLines
      lines={label.lines}
      x={label.x}
      y={label.y}
      size={label.size}
      anchor={label.anchor}
      rotation={label.rotation}
      weight={label.bold ? 600 : undefined}
      role={role}
    />
  );
}

/** The client's name in the middle disc, on a light (print) or dark (editor) disc of colour `disc`. */
export function ClientName({
  name,
  fill = TEXT_COLOR,
  disc = '#ffffff',
}: {
  readonly name: string;
  readonly fill?: string;
  readonly disc?: string;
}) {
  return (
    <TextLines
      lines={clientNameLines(name).lines}
      x={0}
      y={0}
      size={CLIENT_LABEL_SIZE}
      anchor="middle"
      weight={700}
      fill={fill}
      role="client"
      halo={disc}
    />
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
          data-shape="entry"
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
          data-shape="entry"
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
      <TextLines
        lines={node.labelLines}
        x={node.x + node.labelPlace.dx}
        y={node.y + node.labelPlace.dy}
        size={LABEL_SIZE}
        anchor={node.labelPlace.anchor}
        fill={left ? LEFT_COLOR : TEXT_COLOR}
        italic={left}
        role="node"
      />
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
      {model.ringLabels.map((l, i) => (
        <DrawnText key={`ring-${String(i)}`} label={l} role="ring" />
      ))}
      {model.sectorLabels.map((l, i) => (
        <DrawnText key={`sector-${String(i)}`} label={l} role="sector" />
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
  /** On screen, the natural size as the least size (drawing-scroll.tsx); on paper none. */
  readonly style?: CSSProperties;
  readonly svgRef?: Ref<SVGSVGElement>;
}

export function CircleSvg({ model, clientName, label, className, style, svgRef }: CircleSvgProps) {
  const [x, y, width, height] = model.viewBox;
  return (
    <svg
      ref={svgRef}
      className={className}
      style={style}
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
      <ClientName name={clientName} />
      {model.nodes.map((node) => (
        <EntryNode key={node.id} node={node} />
      ))}
    </svg>
  );
}
