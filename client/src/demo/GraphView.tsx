/**
 * The demo's "look inside": the travel graph around one suggestion, drawn as plain SVG on the fixed layout
 * of graph-layout.ts, with a legend, the taste walk's most travelled path drawn thick, and the same graph
 * in sentences for screen readers. Other travellers are only ever a count.
 */
import { CATEGORY_LABELS, GRAPH_NODE_KINDS, renderEvidence, tagLabel, type CategoryId, type DemoGraph, type DemoGraphEdge, type DemoGraphNode } from '@escale/shared';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { layoutGraph, type PlacedNode } from './graph-layout.ts';

type Kind = DemoGraphNode['kind'];

interface Props {
  graph: DemoGraph;
  onClose(): void;
}

/** Longer names are cut on the drawing (the full name is in the sentences and the shape's tooltip). */
const MAX_LABEL = 26;
const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label);

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Edges whose meaning is not obvious from the two ends get a word on the drawing; "is in" does not. */
const LABELLED: ReadonlySet<DemoGraphEdge['kind']> = new Set(['liked', 'visited', 'booked', 'interest', 'co_visitors']);

export function GraphView({ graph, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const layout = useMemo(() => layoutGraph(graph.nodes), [graph.nodes]);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);

  // A new graph is announced by moving focus to its title, as a panel opening would.
  useEffect(() => heading.current?.focus(), [graph.placeId]);

  const label = (node: DemoGraphNode): string => {
    switch (node.kind) {
      case 'category':
        return CATEGORY_LABELS[node.label as CategoryId]?.[locale] ?? node.label;
      case 'tag':
        return tagLabel(node.label, locale);
      case 'you':
        return node.label ? t('demo.graph.you', { name: node.label }) : t('demo.graph.youAlone');
      case 'travellers':
        return t('demo.graph.travellers', { count: node.count ?? 0 });
      default:
        return node.label;
    }
  };

  const suggestion = graph.nodes.find((n) => n.kind === 'suggestion');
  const edges = graph.edges.filter((e) => layout.nodes[e.from] && layout.nodes[e.to] && byId.has(e.from) && byId.has(e.to));
  // The highlighted path is drawn last, on top of what it crosses.
  const drawOrder = [...edges.filter((e) => !e.highlighted), ...edges.filter((e) => e.highlighted)];
  const hasPath = edges.some((e) => e.highlighted);
  const kinds = GRAPH_NODE_KINDS.filter((kind) => graph.nodes.some((n) => n.kind === kind));

  const edgeWord = (edge: DemoGraphEdge, from: DemoGraphNode): string | null => {
    if (!LABELLED.has(edge.kind)) return null;
    if (edge.kind === 'co_visitors') return t('demo.graph.travellers', { count: edge.weight ?? 0 });
    if (from.kind === 'travellers') return t('demo.graph.edge.wentThere');
    return t(`demo.graph.edge.${edge.kind}`);
  };

  const sentence = (edge: DemoGraphEdge): string => {
    const from = byId.get(edge.from) as DemoGraphNode;
    const to = byId.get(edge.to) as DemoGraphNode;
    switch (edge.kind) {
      case 'liked':
      case 'visited':
      case 'booked':
        return from.kind === 'travellers' ? t('demo.graph.sentence.travellers', { count: edge.weight ?? from.count ?? 0, to: label(to) }) : t(`demo.graph.sentence.${edge.kind}`, { place: label(to) });
      case 'interest':
        // The traveller's own wording of a stated like ("you said you like museums"), as the Why panel says it.
        return t('demo.graph.sentence.interest', { evidence: capitalised(renderEvidence({ key: 'data.stated_like', params: { kind: to.kind, id: to.label } }, locale)) });
      case 'co_visitors':
        return t('demo.graph.sentence.coVisitors', { count: edge.weight ?? 0, from: label(from), to: label(to) });
      case 'in_category':
      case 'has_tag':
      case 'in_area':
      case 'in_city':
        return t(`demo.graph.sentence.${edge.kind}`, { to: label(to) });
      default:
        return t('demo.graph.sentence.other', { from: label(from), to: label(to) });
    }
  };

  return (
    <section className="graph-view" aria-labelledby={`${id}-title`}>
      <div className="graph-head">
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t('demo.graph.title', { name: suggestion?.label ?? '' })}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          {t('demo.graph.close')}
        </button>
      </div>
      {!graph.historyRead && <p className="graph-history-off">{t('demo.graph.historyOff')}</p>}
      <figure className="graph-figure">
        <div className="graph-canvas" tabIndex={0} role="group" aria-label={t('demo.graph.canvas')}>
          {/* The drawing is for the eye; the sentences below say the same to a screen reader. */}
          <svg className="graph-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true" focusable="false">
            <g className="graph-edges">
              {drawOrder.map((edge, i) => (
                <path key={i} className={edge.highlighted ? 'graph-edge graph-edge-path' : 'graph-edge'} d={edgePath(edge, layout.nodes)} />
              ))}
            </g>
            <g className="graph-edge-labels">
              {drawOrder.map((edge, i) => {
                const word = edgeWord(edge, byId.get(edge.from) as DemoGraphNode);
                if (!word) return null;
                const at = edgeLabelAt(edge, layout.nodes);
                return (
                  <text key={i} className={edge.highlighted ? 'graph-edge-label graph-edge-label-path' : 'graph-edge-label'} x={at.x} y={at.y} textAnchor="middle" dominantBaseline="middle">
                    {word}
                  </text>
                );
              })}
            </g>
            <g className="graph-nodes">
              {graph.nodes.map((node) => {
                const at = layout.nodes[node.id];
                if (!at) return null;
                const text = label(node);
                return (
                  <g key={node.id} className={`graph-node graph-node-${node.kind}`} transform={`translate(${at.x} ${at.y})`}>
                    <title>{text}</title>
                    <NodeShape kind={node.kind} r={at.r} />
                    <text className="graph-node-label" y={at.r + 16} textAnchor="middle">
                      {short(text)}
                    </text>
                  </g>
                );
              })}
            </g>
          </svg>
        </div>
        <figcaption className="graph-caption">
          {hasPath ? t('demo.graph.pathCaption') : graph.historyRead ? t('demo.graph.noPath') : null} {t('demo.graph.countsOnly')}
        </figcaption>
      </figure>
      <ul className="graph-legend" aria-label={t('demo.graph.legend')}>
        {kinds.map((kind) => (
          <li key={kind}>
            <svg className={`graph-legend-swatch graph-node-${kind}`} viewBox="-12 -12 24 24" aria-hidden="true" focusable="false">
              <NodeShape kind={kind} r={10} />
            </svg>
            {t(`demo.graph.kind.${kind}`)}
          </li>
        ))}
        {hasPath && (
          <li>
            <svg className="graph-legend-swatch" viewBox="0 -12 24 24" aria-hidden="true" focusable="false">
              <path className="graph-edge graph-edge-path" d="M0 0H24" />
            </svg>
            {t('demo.graph.pathLegend')}
          </li>
        )}
      </ul>
      <div className="visually-hidden">
        <h4>{t('demo.graph.inWords')}</h4>
        <ul>
          {suggestion && <li>{t('demo.graph.sentence.suggestion', { name: suggestion.label })}</li>}
          {[...edges.filter((e) => e.highlighted), ...edges.filter((e) => !e.highlighted)].map((edge, i) => (
            <li key={i}>{edge.highlighted ? t('demo.graph.onPath', { sentence: sentence(edge) }) : sentence(edge)}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A shape per kind, centred on 0,0 and kept within radius r so the layout's spacing holds. */
function NodeShape({ kind, r }: { kind: Kind; r: number }) {
  const polygon = (points: [number, number][]) => <polygon className="graph-shape" points={points.map(([x, y]) => `${round(x * r)},${round(y * r)}`).join(' ')} />;
  switch (kind) {
    case 'travellers':
      return <rect className="graph-shape" x={-r} y={-0.7 * r} width={2 * r} height={1.4 * r} rx={0.45 * r} />;
    case 'category':
      return polygon([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'tag':
      return polygon([
        [0, -1],
        [0.87, 0.6],
        [-0.87, 0.6],
      ]);
    case 'area':
      return <rect className="graph-shape" x={-0.72 * r} y={-0.72 * r} width={1.44 * r} height={1.44 * r} rx={0.1 * r} />;
    case 'city':
      return polygon(Array.from({ length: 6 }, (_, i): [number, number] => [Math.cos((Math.PI / 3) * i), Math.sin((Math.PI / 3) * i)]));
    default:
      return <circle className="graph-shape" r={kind === 'you' ? r - 2 : r} />;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
/** In viewBox units: an arch never rises above this line (the frame's top), and climbs this much over its higher end. */
const ARCH_TOP = 40;
const ARCH_RISE = 140;

/**
 * Straight lines, except the visitor's stated interests: those reach the facts on the far right, so they
 * arch over the top rather than run through the suggestion in the middle.
 */
function controlPoint(edge: DemoGraphEdge, nodes: Record<string, PlacedNode>): { x: number; y: number } | null {
  if (edge.kind !== 'interest') return null;
  const a = nodes[edge.from] as PlacedNode;
  const b = nodes[edge.to] as PlacedNode;
  // The arch's top sits above the higher end, and lower for a lower fact, so two arches do not merge.
  const apex = Math.max(ARCH_TOP, Math.min(a.y, b.y) - ARCH_RISE);
  return { x: (a.x + b.x) / 2, y: 2 * apex - (a.y + b.y) / 2 };
}

function edgePath(edge: DemoGraphEdge, nodes: Record<string, PlacedNode>): string {
  const a = nodes[edge.from] as PlacedNode;
  const b = nodes[edge.to] as PlacedNode;
  const c = controlPoint(edge, nodes);
  return c ? `M${a.x} ${a.y}Q${round(c.x)} ${round(c.y)} ${b.x} ${b.y}` : `M${a.x} ${a.y}L${b.x} ${b.y}`;
}

/** Along a line, about halfway; on an arch, near its end, so several arches to nearby facts do not stack their words. */
function edgeLabelAt(edge: DemoGraphEdge, nodes: Record<string, PlacedNode>): { x: number; y: number } {
  const a = nodes[edge.from] as PlacedNode;
  const b = nodes[edge.to] as PlacedNode;
  const c = controlPoint(edge, nodes);
  if (!c) {
    // Co-visitor counts sit past the middle, clear of the names written under the visitor's places.
    const s = edge.kind === 'co_visitors' ? 0.6 : 0.5;
    return { x: round(a.x + s * (b.x - a.x)), y: round(a.y + s * (b.y - a.y)) };
  }
  const s = 0.8;
  const point = (p: number, q: number, r: number) => round((1 - s) ** 2 * p + 2 * s * (1 - s) * q + s ** 2 * r);
  return { x: point(a.x, c.x, b.x), y: point(a.y, c.y, b.y) };
}
