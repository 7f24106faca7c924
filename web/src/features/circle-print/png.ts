import { ENTRY_STYLE, SAFETY_NET_COLOR, TEXT_COLOR } from '../circle-drawing/circle-style';
import { nl } from '../../messages/nl';
import { FONT } from '../circle-drawing/circle-svg';
import { LINE_HEIGHT, wrapLines } from '../circle-drawing/text-lines';
import type { RingListRing } from './ring-list';

/**
 * The printed page as a PNG: the drawing's SVG with the title, the date and the legend around it,
 * painted on a canvas in the browser. Nothing leaves the device except the audit record.
 */

export interface PngPage {
  readonly title: string;
  readonly date: string;
  readonly legend: {
    readonly person: string;
    readonly professional: string;
    readonly organisation: string;
    readonly safetyNet: string;
  };
  readonly footer: string;
  /** Who is in each ring, under the drawing as on paper (issue 14). */
  readonly list?: {
    readonly title: string;
    readonly ringTitle: (ring: number, label: string) => string;
    readonly nobody: string;
    readonly rings: readonly RingListRing[];
  };
}

/** A4 portrait at 150 dpi. */
const WIDTH = 1240;
const HEIGHT = 1754;
const MARGIN = 70;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function legendItem(x: number, y: number, symbol: string, text: string): string {
  return `<g transform="translate(${String(x)} ${String(y)})">${symbol}<text x="34" y="0" dominant-baseline="middle" font-size="24" fill="${TEXT_COLOR}">${escapeXml(text)}</text></g>`;
}

const LIST_TITLE_SIZE = 28;
const LIST_RING_SIZE = 22;
const LIST_NAME_SIZE = 20;

function textLines(x: number, y: number, lines: readonly string[], size: number, weight?: number): string {
  const step = size * LINE_HEIGHT;
  return lines
    .map(
      (line, i) =>
        `<text x="${String(x)}" y="${String(y + i * step)}" font-size="${String(size)}"${weight ? ` font-weight="${String(weight)}"` : ''} dominant-baseline="hanging" fill="${TEXT_COLOR}">${escapeXml(line)}</text>`,
    )
    .join('');
}

/**
 * The list under the drawing: the rings side by side, each name (with its group) broken into lines
 * that fit the column, as on the printed page. Returns the SVG and the height it takes.
 */
export function listSvg(
  list: NonNullable<PngPage['list']>,
  left: number,
  top: number,
  width: number,
): { svg: string; height: number } {
  const columns = Math.max(1, list.rings.length);
  const gap = 24;
  const columnWidth = (width - gap * (columns - 1)) / columns;
  const parts = [textLines(left, top, [list.title], LIST_TITLE_SIZE, 700)];
  const bodyTop = top + LIST_TITLE_SIZE * LINE_HEIGHT + 8;
  let tallest = 0;
  list.rings.forEach((ring, i) => {
    const x = left + i * (columnWidth + gap);
    let y = bodyTop;
    const heading = wrapLines(list.ringTitle(ring.ring, ring.label), columnWidth, LIST_RING_SIZE, { bold: true, maxLines: 4 });
    parts.push(textLines(x, y, heading.lines, LIST_RING_SIZE, 700));
    y += heading.height + 4;
    const names = ring.names.length === 0 ? [list.nobody] : ring.names.map((n) => `${n.name} (${n.group})`);
    for (const name of names) {
      const wrapped = wrapLines(name, columnWidth, LIST_NAME_SIZE, { maxLines: 6 });
      parts.push(textLines(x, y, wrapped.lines, LIST_NAME_SIZE));
      y += wrapped.height + 4;
    }
    tallest = Math.max(tallest, y - top);
  });
  return { svg: parts.join(''), height: tallest };
}

/** The whole page as one standalone SVG document. */
export function pageSvg(drawing: SVGSVGElement, page: PngPage): string {
  const inner = drawing.cloneNode(true) as SVGSVGElement;
  const top = MARGIN + 110;
  const legendTop = HEIGHT - MARGIN - 150;
  // The list takes what it needs above the legend; the drawing keeps its proportions in the rest.
  const measured = page.list ? listSvg(page.list, MARGIN, 0, WIDTH - 2 * MARGIN) : null;
  const listTop = legendTop - (measured ? measured.height + 20 : 0);
  const list = page.list ? listSvg(page.list, MARGIN, listTop, WIDTH - 2 * MARGIN).svg : '';
  inner.setAttribute('x', String(MARGIN));
  inner.setAttribute('y', String(top));
  inner.setAttribute('width', String(WIDTH - 2 * MARGIN));
  inner.setAttribute('height', String(Math.max(200, listTop - top - 30)));
  inner.removeAttribute('style');
  inner.removeAttribute('class');
  const drawingXml = new XMLSerializer().serializeToString(inner);
  const person = ENTRY_STYLE.person;
  const professional = ENTRY_STYLE.professional;
  const organisation = ENTRY_STYLE.organisation;
  const dark = '#1c1c1c';
  const colWidth = (WIDTH - 2 * MARGIN) / 2;
  const items = [
    legendItem(
      MARGIN,
      legendTop + 40,
      `<circle cx="12" cy="0" r="11" fill="${person.color}" stroke="${dark}" stroke-width="2"/>`,
      page.legend.person,
    ),
    legendItem(
      MARGIN + colWidth,
      legendTop + 40,
      `<circle cx="12" cy="0" r="11" fill="${professional.color}" stroke="${dark}" stroke-width="4"/><circle cx="12" cy="0" r="11" fill="none" stroke="#ffffff" stroke-width="1.2"/>`,
      page.legend.professional,
    ),
    legendItem(
      MARGIN,
      legendTop + 90,
      `<rect x="1" y="-11" width="22" height="22" rx="4" fill="${organisation.color}" stroke="${dark}" stroke-width="2"/>`,
      page.legend.organisation,
    ),
    legendItem(
      MARGIN + colWidth,
      legendTop + 90,
      `<circle cx="12" cy="0" r="14" fill="none" stroke="${SAFETY_NET_COLOR}" stroke-width="3"/><circle cx="12" cy="0" r="9" fill="#ffffff" stroke="${dark}" stroke-width="2"/>`,
      page.legend.safetyNet,
    ),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(HEIGHT)}" viewBox="0 0 ${String(WIDTH)} ${String(HEIGHT)}" font-family="${escapeXml(FONT)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${String(MARGIN)}" y="${String(MARGIN + 40)}" font-size="44" font-weight="700" fill="${TEXT_COLOR}">${escapeXml(page.title)}</text>`,
    `<text x="${String(MARGIN)}" y="${String(MARGIN + 90)}" font-size="28" fill="${TEXT_COLOR}">${escapeXml(page.date)}</text>`,
    drawingXml,
    list,
    ...items,
    `<text x="${String(MARGIN)}" y="${String(HEIGHT - MARGIN)}" font-size="20" fill="#4f5560">${escapeXml(page.footer)}</text>`,
    `</svg>`,
  ].join('');
}

/** Paints the page on a canvas and returns it as a PNG. */
export async function pagePng(drawing: SVGSVGElement, page: PngPage, scale = 1.5): Promise<Blob> {
  const svg = new Blob([pageSvg(drawing, page)], { type: 'image/svg+xml;charset=utf-8' });
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(WIDTH * scale);
    canvas.height = Math.round(HEIGHT * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers a file to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address is withdrawn.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "netwerkcirkel-aicha-2026-06-14.png": letters and digits only, so every system accepts it. */
export function pngFileName(clientName: string, date: string): string {
  const slug =
    clientName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'kring';
  return nl.print.fileName(slug, date);
}
