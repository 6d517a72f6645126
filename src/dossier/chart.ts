/**
 * The bar chart of group scores against their maxima, as an SVG string for
 * pdfmake. Every bar is labelled and carries its value, the axis has ticks, and
 * a legend explains the three bars, so the chart reads without the table.
 */
import { points } from './text.js';

export interface ChartBar {
  label: string;
  max: number;
  points: number;
  forecast: number;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

const COLORS = { self: '#1f4e79', forecast: '#d9822b', track: '#e3e8ef', grid: '#c8ced6', text: '#222222', muted: '#555555' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart `width` points wide. Pure. */
export function groupChart(bars: readonly ChartBar[], width = 470): Chart {
  const labelW = 92;
  const valueW = 98;
  const plotX = labelW;
  const plotW = width - labelW - valueW;
  const rowH = 30;
  const top = 6;
  const largest = Math.max(1, ...bars.map((b) => b.max));
  const step = largest > 500 ? 100 : largest > 200 ? 50 : largest > 60 ? 25 : 10;
  const axisMax = Math.ceil(largest / step) * step;
  const x = (v: number) => plotX + (Math.max(0, v) / axisMax) * plotW;
  const plotBottom = top + bars.length * rowH;
  const height = plotBottom + 46;

  const parts: string[] = [];
  for (let v = 0; v <= axisMax; v += step) {
    parts.push(
      `<line x1="${x(v).toFixed(2)}" y1="${top - 2}" x2="${x(v).toFixed(2)}" y2="${plotBottom}" stroke="${COLORS.grid}" stroke-width="0.5"/>`,
      `<text x="${x(v).toFixed(2)}" y="${plotBottom + 10}" font-size="7" fill="${COLORS.muted}" text-anchor="middle">${v}</text>`,
    );
  }
  parts.push(`<text x="${(plotX + plotW / 2).toFixed(2)}" y="${plotBottom + 20}" font-size="7" fill="${COLORS.muted}" text-anchor="middle">poin</text>`);

  bars.forEach((b, i) => {
    const y = top + i * rowH + 4;
    parts.push(
      `<text x="0" y="${y + 10}" font-size="8" font-weight="bold" fill="${COLORS.text}">${esc(b.label)}</text>`,
      `<rect x="${plotX}" y="${y}" width="${(x(b.max) - plotX).toFixed(2)}" height="13" fill="${COLORS.track}"/>`,
      `<rect x="${plotX}" y="${y}" width="${(x(Math.min(b.points, b.max)) - plotX).toFixed(2)}" height="13" fill="${COLORS.self}"/>`,
      `<rect x="${plotX}" y="${y + 15}" width="${(x(Math.min(b.forecast, b.max)) - plotX).toFixed(2)}" height="6" fill="${COLORS.forecast}"/>`,
      `<line x1="${x(b.max).toFixed(2)}" y1="${y - 2}" x2="${x(b.max).toFixed(2)}" y2="${y + 23}" stroke="${COLORS.text}" stroke-width="0.8"/>`,
      `<text x="${width - valueW + 6}" y="${y + 10}" font-size="8" fill="${COLORS.text}">${points(b.points)} / ${points(b.max)}</text>`,
      `<text x="${width - valueW + 6}" y="${y + 21}" font-size="7" fill="${COLORS.forecast}">prakiraan ${points(b.forecast)}</text>`,
    );
  });

  const ly = plotBottom + 30;
  const legend: [string, string, number][] = [
    [COLORS.self, 'Nilai evaluasi mandiri (perkiraan)', 10],
    [COLORS.forecast, 'Prakiraan setelah verifikasi', 6],
    [COLORS.track, 'Nilai maksimum kelompok (garis tegak)', 10],
  ];
  let lx = 0;
  for (const [color, text, h] of legend) {
    parts.push(
      `<rect x="${lx}" y="${ly + (10 - h) / 2}" width="14" height="${h}" fill="${color}"/>`,
      `<text x="${lx + 18}" y="${ly + 8}" font-size="7" fill="${COLORS.text}">${esc(text)}</text>`,
    );
    lx += 18 + text.length * 3.6 + 14;
  }

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Roboto">${parts.join('')}</svg>`;
  return { svg, width, height };
}
