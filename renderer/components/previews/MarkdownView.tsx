import type { MouseEvent, ReactNode } from 'react';
import type { BlockNode, DocumentNode, InlineNode } from '../../../shared/disclosures/markdown.ts';
import type { PreviewLink } from './surfaces.tsx';

/**
 * Renders the engine's Markdown AST as React elements — never as HTML. Text (including anything
 * that looks like HTML) becomes text nodes; links keep only the engine's safe href (http, https,
 * mailto, tel) and never navigate from the preview. Every text run carries `data-start`/`data-end`
 * (its source range) so checks can find the DOM that shows a sentence.
 */
export function MarkdownView(props: { doc: DocumentNode; variables: Record<string, string>; linkTitle: string }) {
  return (
    <div className="pv-md" data-start={props.doc.start} data-end={props.doc.end}>
      {props.doc.children.map((block, i) => renderBlock(block, i, props.variables, props.linkTitle))}
    </div>
  );
}

const stopNavigation = (event: MouseEvent) => event.preventDefault();

function range(node: { start: number; end: number }) {
  return { 'data-start': node.start, 'data-end': node.end };
}

function renderBlock(block: BlockNode, key: number, vars: Record<string, string>, linkTitle: string): ReactNode {
  const inline = (nodes: InlineNode[]) => nodes.map((n, i) => renderInline(n, i, vars, linkTitle));
  switch (block.type) {
    case 'heading': {
      const Tag = (`h${block.level + 2}`) as 'h3' | 'h4' | 'h5';
      return (
        <Tag key={key} className={`pv-h${block.level}`} {...range(block)}>
          {inline(block.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p key={key} {...range(block)}>
          {inline(block.children)}
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i} {...range(item)}>
          {inline(item.children)}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} {...range(block)}>
          {items}
        </ol>
      ) : (
        <ul key={key} {...range(block)}>
          {items}
        </ul>
      );
    }
  }
}

function renderInline(node: InlineNode, key: number, vars: Record<string, string>, linkTitle: string): ReactNode {
  const children = (nodes: InlineNode[]) => nodes.map((n, i) => renderInline(n, i, vars, linkTitle));
  switch (node.type) {
    case 'text':
      return (
        <span key={key} className="pv-t" {...range(node)}>
          {node.value}
        </span>
      );
    case 'break':
      return <br key={key} />;
    case 'variable': {
      const value = Object.prototype.hasOwnProperty.call(vars, node.name) ? vars[node.name] : undefined;
      return value === undefined ? (
        <span key={key} className="pv-t pv-var-missing" {...range(node)}>{`{{${node.name}}}`}</span>
      ) : (
        <span key={key} className="pv-t pv-var" {...range(node)}>
          {value}
        </span>
      );
    }
    case 'strong':
      return (
        <strong key={key} {...range(node)}>
          {children(node.children)}
        </strong>
      );
    case 'emphasis':
      return (
        <em key={key} {...range(node)}>
          {children(node.children)}
        </em>
      );
    case 'link':
      return node.href ? (
        <a key={key} href={node.href} title={`${node.href} — ${linkTitle}`} rel="noopener noreferrer" target="_blank" onClick={stopNavigation} {...range(node)}>
          {children(node.children)}
        </a>
      ) : (
        <span key={key} {...range(node)}>
          {children(node.children)}
        </span>
      );
  }
}

/** The safe links of a document, in order (AlimTalk buttons). */
export function documentLinks(doc: DocumentNode, vars: Record<string, string>): PreviewLink[] {
  const out: PreviewLink[] = [];
  const walk = (nodes: InlineNode[]) => {
    for (const n of nodes) {
      if (n.type === 'link' && n.href) out.push({ label: inlineLabel(n.children, vars), href: n.href });
      else if (n.type === 'strong' || n.type === 'emphasis' || n.type === 'link') walk(n.children);
    }
  };
  for (const block of doc.children) {
    if (block.type === 'list') block.items.forEach((item) => walk(item.children));
    else walk(block.children);
  }
  return out;
}

function inlineLabel(nodes: InlineNode[], vars: Record<string, string>): string {
  return nodes
    .map((n) =>
      n.type === 'text' ? n.value : n.type === 'variable' ? (vars[n.name] ?? `{{${n.name}}}`) : n.type === 'break' ? ' ' : inlineLabel(n.children, vars),
    )
    .join('');
}
