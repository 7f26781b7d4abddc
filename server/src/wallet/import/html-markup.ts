/**
 * schema.org markup in an HTML body: JSON-LD `<script>` blocks and microdata (itemscope/itemprop), read into
 * the same JSON-LD shape (schema-org.ts). The HTML is parsed, never rendered or run: scripts of any other
 * type are ignored, and nothing is fetched.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { Thing } from './schema-org.ts';

export interface Markup {
  /** JSON-LD documents and microdata items, in document order. */
  documents: unknown[];
  /** JSON-LD blocks that are not JSON, even after the usual repairs. */
  invalidBlocks: number;
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

function text(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  return 'children' in n ? (n.children as AnyNode[]).map(text).join('') : '';
}

/**
 * Mail generators get JSON-LD wrong in a few recurring ways; these repairs are the ones that do not change
 * meaning: HTML comments around the block, trailing commas, objects listed without the enclosing array, and
 * objects of an array written one after the other without their commas (`}{`, seen in airline mails).
 */
export function parseJsonLd(raw: string): unknown {
  const body = raw
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
  const noTrailing = body.replace(/,\s*([\]}])/g, '$1');
  const joined = noTrailing.replace(/}\s*{/g, '},{');
  const attempts = [body, noTrailing, `[${noTrailing}]`, joined, `[${joined}]`];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt) as unknown;
    } catch {
      // the next repair
    }
  }
  return undefined;
}

/** A microdata property's value (HTML's rules: the attribute that carries it depends on the element). */
function propertyValue(el: Element): unknown {
  if (el.attribs.itemscope !== undefined) return microdataItem(el);
  if (el.attribs.content !== undefined) return el.attribs.content;
  switch (el.name) {
    case 'a':
    case 'link':
    case 'area':
      return el.attribs.href ?? '';
    case 'img':
    case 'audio':
    case 'video':
    case 'source':
    case 'iframe':
    case 'embed':
      return el.attribs.src ?? '';
    case 'object':
      return el.attribs.data ?? '';
    case 'time':
      return el.attribs.datetime ?? text(el).trim();
    case 'data':
    case 'meter':
      return el.attribs.value ?? text(el).trim();
    default:
      return text(el).replace(/\s+/g, ' ').trim();
  }
}

/** The properties of one item: itemprop elements below it, not crossing into a nested item's own. */
function microdataItem(scope: Element): Thing {
  const item: Thing = {};
  if (scope.attribs.itemtype) item['@type'] = scope.attribs.itemtype.trim().split(/\s+/)[0]!;
  const visit = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      const names = n.attribs.itemprop?.trim().split(/\s+/).filter(Boolean) ?? [];
      if (names.length > 0) {
        const value = propertyValue(n);
        for (const name of names) {
          const previous = item[name];
          item[name] = previous === undefined ? value : Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value];
        }
      }
      // A nested item owns what is below it.
      if (n.attribs.itemscope === undefined) visit(n.children);
    }
  };
  visit(scope.children);
  return item;
}

export function markupIn(html: string): Markup {
  const dom = parseDocument(html, { decodeEntities: true });
  const documents: unknown[] = [];
  let invalidBlocks = 0;
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'script') {
        if ((n.attribs.type ?? '').trim().toLowerCase() === 'application/ld+json') {
          const doc = parseJsonLd(text(n));
          if (doc === undefined) invalidBlocks++;
          else documents.push(doc);
        }
        continue;
      }
      // A top-level item: an itemscope that is not itself some item's property.
      if (n.attribs.itemscope !== undefined && n.attribs.itemprop === undefined) {
        documents.push(microdataItem(n));
        // JSON-LD can sit inside a microdata block (seen in real mails): keep looking below.
      }
      walk(n.children);
    }
  };
  walk(dom.children);
  return { documents, invalidBlocks };
}
