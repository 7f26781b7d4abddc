/**
 * One action's figures over time as a bar chart in plain SVG, readable without it: a title, a summary that
 * is also the chart's text alternative, and a native tooltip per bar. A hidden figure is a hatched stub on
 * the axis, never a zero: it stands for "fewer than 5 travellers", which may be none or a few.
 */
import type { InsightAction, InsightFigure } from '@escale/shared';
import { useId } from 'react';
import { labelledTicks, niceMax } from './chart-scale.ts';

const WIDTH = 460;
const HEIGHT = 190;
const PLOT = { left: 34, right: 8, top: 12, bottom: 26 };
const STUB = 5;

export interface ChartProps {
  action: InsightAction;
  title: string;
  /** What the chart shows, in words: its text alternative, shown under it too. */
  summary: string;
  figures: InsightFigure[];
  /** Per bucket: the axis's short label and the tooltip's full one. */
  ticks: string[];
  names: string[];
  /** Each bar's tooltip: "Tue 24 Nov: 7 travellers" or "…: fewer than 5 travellers". */
  describe(name: string, figure: InsightFigure): string;
  minTravellers: number;
}

export function InsightChart({ action, title, summary, figures, ticks, names, describe, minTravellers }: ChartProps) {
  const id = useId();
  const top = niceMax(Math.max(0, ...figures.map((f) => f.value ?? 0)), minTravellers);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / Math.max(1, figures.length);
  const barWidth = Math.min(36, Math.max(1, slot * 0.7));
  const y = (v: number) => PLOT.top + plotHeight - (v / top) * plotHeight;
  const labelled = new Set(labelledTicks(figures.length));
  return (
    <figure className="insight-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="insight-chart-title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className={`insight-svg insight-${action}`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" className="insight-hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="4" className="insight-hatch-line" strokeWidth="2" />
          </pattern>
        </defs>
        {[0, top / 2, top].filter(Number.isInteger).map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'insight-axis' : 'insight-grid'} />
            <text x={PLOT.left - 6} y={y(v) + 4} textAnchor="end" className="insight-tick">
              {v}
            </text>
          </g>
        ))}
        {figures.map((f, i) => {
          const x = PLOT.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={i}>
              {f.hidden ? (
                <rect x={x} y={y(0) - STUB} width={barWidth} height={STUB} fill={`url(#${id}-hatch)`} className="insight-stub">
                  <title>{describe(names[i]!, f)}</title>
                </rect>
              ) : (
                <rect x={x} y={y(f.value)} width={barWidth} height={y(0) - y(f.value)} className="insight-bar">
                  <title>{describe(names[i]!, f)}</title>
                </rect>
              )}
              {labelled.has(i) && (
                <text x={PLOT.left + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="insight-tick" aria-hidden="true">
                  {ticks[i]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="insight-chart-summary muted" aria-hidden="true">
        {summary}
      </p>
    </figure>
  );
}
