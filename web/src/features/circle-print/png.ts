import { ENTRY_STYLE, SAFETY_NET_COLOR, TEXT_COLOR } from '../circle-drawing/circle-style';
import { nl } from '../../messages/nl';
import { FONT } from '../circle-drawing/circle-svg';

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

/** The whole page as one standalone SVG document. */
export function pageSvg(drawing: SVGSVGElement, page: PngPage): string {
  const inner = drawing.cloneNode(true) as SVGSVGElement;
  const top = MARGIN + 110;
  const legendTop = HEIGHT - MARGIN - 150;
  inner.setAttribute('x', String(MARGIN));
  inner.setAttribute('y', String(top));
  inner.setAttribute('width', String(WIDTH - 2 * MARGIN));
  inner.setAttribute('height', String(legendTop - top - 30));
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
