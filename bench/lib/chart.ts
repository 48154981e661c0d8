// One SVG chart per figure: horizontal bars for tsmux, tmux and any reference (raw pty, node -e 0),
// a whisker for each bar's min–max spread, and a dashed line at the target when it is a number.
// Hand-written SVG, no dependencies; sizes are fixed so charts line up in docs/performance.md.

import { formatNumber, valueOf, type Figure, type Outcome } from './figures';

const WIDTH = 640;
const LEFT = 12;
const VALUE_W = 130;
const BAR_AREA = WIDTH - LEFT - VALUE_W;
// Each row: its label on one line, the bar under it, so long reference names never collide.
const ROW_H = 40;
const BAR_H = 14;
const TOP = 50;

const COLOURS: Record<string, string> = { tsmux: '#2f6fdf', tmux: '#6b6b6b' };
const REFERENCE_COLOUR = '#d2d2d2';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The number the target line marks, if the target is one. */
export function targetValue(f: Figure): number | undefined {
  const t = f.target;
  switch (t.kind) {
    case 'vs-tmux': {
      const v = valueOf(f.tmux);
      return v === undefined ? undefined : v * t.factor;
    }
    case 'at-most':
      return t.value;
    case 'vs-reference': {
      const v = valueOf(f.references.find((r) => r.name === t.reference)?.outcome);
      return v === undefined ? undefined : v * t.factor;
    }
    case 'none':
      return undefined;
  }
}

export function chartSvg(f: Figure): string {
  const rows: Array<{ name: string; outcome: Outcome; colour: string }> = [
    { name: 'tsmux', outcome: f.tsmux, colour: COLOURS.tsmux },
    { name: 'tmux 3.3a', outcome: f.tmux, colour: COLOURS.tmux },
    // A reference that is another view of tsmux's or tmux's own runs gets a pale shade of its colour.
    ...f.references.map((r) => ({
      name: r.name,
      outcome: r.outcome,
      colour: r.name.startsWith('tsmux') ? '#9dbcf0' : r.name.startsWith('tmux') ? '#a9a9a9' : REFERENCE_COLOUR,
    })),
  ];
  const target = targetValue(f);
  let max = target ?? 0;
  for (const r of rows) if (r.outcome.kind === 'value') max = Math.max(max, r.outcome.hi, r.outcome.value);
  if (!(max > 0)) max = 1;
  max *= 1.05;
  const x = (v: number): number => LEFT + (Math.max(0, v) / max) * BAR_AREA;
  const height = TOP + rows.length * ROW_H + 22;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${LEFT}" y="20" font-size="14" font-weight="bold">${escapeXml(`${f.group}: ${f.name}`)}</text>`);
  out.push(`<text x="${LEFT}" y="37" fill="#555">${escapeXml(`${f.unit}, ${f.better} is better · bar: median, whisker: min–max`)}</text>`);
  rows.forEach((r, i) => {
    const labelY = TOP + i * ROW_H + 10;
    const y = labelY + 5;
    const mid = y + BAR_H / 2;
    out.push(`<text x="${LEFT}" y="${labelY}" font-weight="bold" fill="#333">${escapeXml(r.name)}</text>`);
    const o = r.outcome;
    if (o.kind !== 'value') {
      const text = o.kind === 'na' ? `n/a: ${o.reason}` : `failed: ${o.reason}`;
      out.push(`<text x="${LEFT}" y="${mid + 4}" fill="#a33" font-style="italic">${escapeXml(text.slice(0, 90))}</text>`);
      return;
    }
    out.push(`<rect x="${LEFT}" y="${y}" width="${Math.max(1, x(o.value) - LEFT).toFixed(1)}" height="${BAR_H}" fill="${r.colour}"/>`);
    if (o.runs.length > 1 && o.hi > o.lo) {
      out.push(`<line x1="${x(o.lo).toFixed(1)}" y1="${mid}" x2="${x(o.hi).toFixed(1)}" y2="${mid}" stroke="#000" stroke-width="1"/>`);
      for (const v of [o.lo, o.hi]) out.push(`<line x1="${x(v).toFixed(1)}" y1="${mid - 4}" x2="${x(v).toFixed(1)}" y2="${mid + 4}" stroke="#000" stroke-width="1"/>`);
    }
    const label = `${formatNumber(o.value, f.decimals)} ${f.unit}`;
    out.push(`<text x="${(Math.max(x(o.value), x(o.hi)) + 6).toFixed(1)}" y="${mid + 4}">${escapeXml(label)}</text>`);
  });
  if (target !== undefined) {
    const tx = x(target).toFixed(1);
    const bottom = TOP + rows.length * ROW_H;
    out.push(`<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${bottom}" stroke="#d33" stroke-width="1.5" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${tx}" y="${bottom + 14}" fill="#d33" text-anchor="middle">${escapeXml(`target ${formatNumber(target, f.decimals)}`)}</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
