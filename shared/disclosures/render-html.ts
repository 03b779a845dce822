import type { BlockNode, DocumentNode, InlineNode } from './markdown.ts';

/**
 * Renders the Markdown-subset AST as an HTML fragment. Every text is escaped; the only elements
 * produced are h1–h3, p, ul/ol/li, strong, em, br, a (http/https/mailto/tel only) and span — so no
 * input, typed or imported, can produce a script, an event handler or a remote load.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function inline(nodes: readonly InlineNode[], variables: Record<string, string>): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += escapeHtml(n.value);
        break;
      case 'break':
        out += '<br>';
        break;
      case 'variable':
        out += Object.prototype.hasOwnProperty.call(variables, n.name)
          ? `<span class="var">${escapeHtml(variables[n.name]!)}</span>`
          : `<span class="var unknown">${escapeHtml(`{{${n.name}}}`)}</span>`;
        break;
      case 'strong':
        out += `<strong>${inline(n.children, variables)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${inline(n.children, variables)}</em>`;
        break;
      case 'link':
        out += n.href
          ? `<a href="${escapeHtml(n.href)}" rel="noopener noreferrer nofollow">${inline(n.children, variables)}</a>`
          : inline(n.children, variables);
        break;
    }
  }
  return out;
}

function block(b: BlockNode, variables: Record<string, string>, headingOffset: number): string {
  if (b.type === 'heading') {
    const level = Math.min(6, b.level + headingOffset);
    return `<h${level}>${inline(b.children, variables)}</h${level}>`;
  }
  if (b.type === 'paragraph') return `<p>${inline(b.children, variables)}</p>`;
  const tag = b.ordered ? 'ol' : 'ul';
  return `<${tag}>${b.items.map((item) => `<li>${inline(item.children, variables)}</li>`).join('')}</${tag}>`;
}

/** The document as an escaped HTML fragment (headings shifted down by `headingOffset` levels). */
export function renderHtmlFragment(doc: DocumentNode, variables: Record<string, string> = {}, headingOffset = 0): string {
  return doc.children.map((b) => block(b, variables, headingOffset)).join('\n');
}
