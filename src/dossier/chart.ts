/**
 * Charts as SVG strings for pdfmake: every bar is labelled and carries its
 * value, the axis has ticks, and a legend explains the bars, so a chart reads
 * without its table. Pure.
 */
import { count, maximum, points } from './text.js';

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

const COLORS = { self: '#1f4e79', forecast: '#d9822b', track: '#e3e8ef', grid: '#c8ced6', text: '#222222', muted: '#555555', male: '#2e75b6', female: '#c55a11' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round axis step for a largest value: 1, 2, 5 × 10ⁿ, so that there are four to ten ticks. */
function axisStep(largest: number): number {
  const raw = Math.max(1, largest) / 6;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
}

function legend(items: readonly [string, string][], y: number): string[] {
  const parts: string[] = [];
  let x = 0;
  for (const [color, text] of items) {
    parts.push(`<rect x="${x}" y="${y}" width="14" height="10" fill="${color}"/>`, `<text x="${x + 18}" y="${y + 8}" font-size="7" fill="${COLORS.text}">${esc(text)}</text>`);
    x += 18 + text.length * 3.6 + 14;
  }
  return parts;
}

export interface ScoreBar {
  label: string;
  max: number;
  points: number;
  /** The verification forecast (the working report shows it; the dossier does not). */
  forecast?: number;
}

/** Group scores against their maxima: one horizontal bar per group, `width` points wide. */
export function scoreChart(bars: readonly ScoreBar[], width = 470): Chart {
  const labelW = 92;
  const valueW = 98;
  const plotX = labelW;
  const plotW = width - labelW - valueW;
  const withForecast = bars.some((b) => b.forecast !== undefined);
  const rowH = withForecast ? 30 : 22;
  const top = 6;
  const step = axisStep(Math.max(...bars.map((b) => b.max)));
  const axisMax = Math.ceil(Math.max(1, ...bars.map((b) => b.max)) / step) * step;
  const x = (v: number) => plotX + (Math.max(0, v) / axisMax) * plotW;
  const plotBottom = top + bars.length * rowH;
  const height = plotBottom + 46;

  const parts: string[] = [];
  for (let v = 0; v <= axisMax; v += step) {
    parts.push(
      `<line x1="${x(v).toFixed(2)}" y1="${top - 2}" x2="${x(v).toFixed(2)}" y2="${plotBottom}" stroke="${COLORS.grid}" stroke-width="0.5"/>`,
      `<text x="${x(v).toFixed(2)}" y="${plotBottom + 10}" font-size="7" fill="${COLORS.muted}" text-anchor="middle">${count(v)}</text>`,
    );
  }
  parts.push(`<text x="${(plotX + plotW / 2).toFixed(2)}" y="${plotBottom + 20}" font-size="7" fill="${COLORS.muted}" text-anchor="middle">poin</text>`);

  bars.forEach((b, i) => {
    const y = top + i * rowH + 4;
    parts.push(
      `<text x="0" y="${y + 10}" font-size="8" font-weight="bold" fill="${COLORS.text}">${esc(b.label)}</text>`,
      `<rect x="${plotX}" y="${y}" width="${(x(b.max) - plotX).toFixed(2)}" height="13" fill="${COLORS.track}"/>`,
      `<rect x="${plotX}" y="${y}" width="${(x(Math.min(b.points, b.max)) - plotX).toFixed(2)}" height="13" fill="${COLORS.self}"/>`,
      `<line x1="${x(b.max).toFixed(2)}" y1="${y - 2}" x2="${x(b.max).toFixed(2)}" y2="${y + (withForecast ? 23 : 15)}" stroke="${COLORS.text}" stroke-width="0.8"/>`,
      `<text x="${width - valueW + 6}" y="${y + 10}" font-size="8" fill="${COLORS.text}">${points(b.points)} / ${maximum(b.max)}</text>`,
    );
    if (b.forecast !== undefined) {
      parts.push(
        `<rect x="${plotX}" y="${y + 15}" width="${(x(Math.min(b.forecast, b.max)) - plotX).toFixed(2)}" height="6" fill="${COLORS.forecast}"/>`,
        `<text x="${width - valueW + 6}" y="${y + 21}" font-size="7" fill="${COLORS.forecast}">prakiraan ${points(b.forecast)}</text>`,
      );
    }
  });

  const items: [string, string][] = [[COLORS.self, withForecast ? 'Nilai evaluasi mandiri' : 'Nilai'], ...(withForecast ? [[COLORS.forecast, 'Prakiraan setelah verifikasi'] as [string, string]] : []), [COLORS.track, 'Nilai maksimum kelompok (garis tegak)']];
  parts.push(...legend(items, plotBottom + 30));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Roboto">${parts.join('')}</svg>`;
  return { svg, width, height };
}

/** Children by age group and sex: two vertical bars per group, `width` points wide. */
export function childrenChart(groups: readonly { group: string; male: number; female: number }[], width = 470): Chart {
  const left = 46;
  const plotW = width - left - 6;
  const plotH = 150;
  const top = 14;
  const step = axisStep(Math.max(1, ...groups.flatMap((g) => [g.male, g.female])));
  const axisMax = Math.ceil(Math.max(1, ...groups.flatMap((g) => [g.male, g.female])) / step) * step;
  const y = (v: number) => top + plotH - (Math.max(0, v) / axisMax) * plotH;
  const slot = plotW / Math.max(1, groups.length);
  const barW = Math.min(36, slot / 3);
  const parts: string[] = [];
  for (let v = 0; v <= axisMax; v += step) {
    parts.push(
      `<line x1="${left}" y1="${y(v).toFixed(2)}" x2="${left + plotW}" y2="${y(v).toFixed(2)}" stroke="${COLORS.grid}" stroke-width="0.5"/>`,
      `<text x="${left - 4}" y="${(y(v) + 2.5).toFixed(2)}" font-size="7" fill="${COLORS.muted}" text-anchor="end">${count(v)}</text>`,
    );
  }
  groups.forEach((g, i) => {
    const cx = left + slot * i + slot / 2;
    for (const [k, v, color] of [[-1, g.male, COLORS.male], [1, g.female, COLORS.female]] as const) {
      const x0 = k < 0 ? cx - barW - 1 : cx + 1;
      parts.push(
        `<rect x="${x0.toFixed(2)}" y="${y(v).toFixed(2)}" width="${barW.toFixed(2)}" height="${(top + plotH - y(v)).toFixed(2)}" fill="${color}"/>`,
        `<text x="${(x0 + barW / 2).toFixed(2)}" y="${(y(v) - 3).toFixed(2)}" font-size="6.5" fill="${COLORS.text}" text-anchor="middle">${count(v)}</text>`,
      );
    }
    parts.push(`<text x="${cx.toFixed(2)}" y="${top + plotH + 11}" font-size="8" fill="${COLORS.text}" text-anchor="middle">${esc(g.group)} tahun</text>`);
  });
  const height = top + plotH + 40;
  parts.push(...legend([[COLORS.male, 'Laki-laki'], [COLORS.female, 'Perempuan']], top + plotH + 24));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Roboto">${parts.join('')}</svg>`;
  return { svg, width, height };
}
