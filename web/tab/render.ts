import type {
  Badge,
  BarsBlock,
  Block,
  BoardBlock,
  DashboardView,
  FactsBlock,
  ListBlock,
  ProgressBlock,
  SectionView,
  TableBlock,
} from '../../src/tab/model.js';
import { h } from './dom.js';

/**
 * Lays out the dashboard the API built. Every block kind maps to plain
 * semantic HTML (tables with captions and header cells, lists, <progress>),
 * so screen readers and keyboard users get the same content.
 */
function badge(b: Badge | undefined): HTMLElement | undefined {
  return b ? h('span', { class: `badge tone-${b.tone}` }, b.text) : undefined;
}

function facts(block: FactsBlock): HTMLElement {
  const list = h('dl', { class: 'facts' });
  for (const fact of block.facts) list.append(h('dt', {}, fact.label), h('dd', {}, fact.value));
  return list;
}

function list(block: ListBlock): HTMLElement {
  return h(
    'ul',
    { class: 'entries' },
    ...block.items.map((item) =>
      h(
        'li',
        { class: 'entry' },
        h('div', { class: 'entry-head' }, h('h3', {}, item.title), badge(item.badge)),
        ...item.lines.map((line) => h('p', {}, line)),
      ),
    ),
  );
}

function table(block: TableBlock): HTMLElement {
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      {},
      h('caption', {}, block.caption),
      h('thead', {}, h('tr', {}, ...block.columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...block.rows.map((row) =>
          h(
            'tr',
            {},
            ...row.cells.map((cell, i) =>
              h(
                i === 0 ? 'th' : 'td',
                i === 0 ? { scope: 'row' } : {},
                cell.text,
                badge(cell.badge),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function progress(block: ProgressBlock): HTMLElement {
  const label = `${block.label}: ${block.done} / ${block.total}`;
  return h(
    'div',
    { class: 'progress' },
    h('p', { class: 'progress-label' }, label),
    h('progress', { max: String(block.total), value: String(block.done), 'aria-label': label }),
    ...block.groups.map((g) =>
      h(
        'div',
        { class: 'progress-group' },
        h('h3', {}, g.label),
        h('p', {}, g.values.join('、') || '—'),
      ),
    ),
  );
}

function bars(block: BarsBlock): HTMLElement {
  const max = Math.max(1, ...block.bars.map((b) => b.value));
  return h(
    'figure',
    { class: 'bars' },
    h('figcaption', {}, block.caption),
    h(
      'ul',
      {},
      ...block.bars.map((bar) => {
        const fill = h('span', { class: 'bar-fill' });
        fill.style.width = `${Math.round((bar.value / max) * 100)}%`;
        return h(
          'li',
          {},
          h('span', { class: 'bar-label' }, bar.label),
          h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'bar-value' }, bar.display),
        );
      }),
    ),
  );
}

function board(block: BoardBlock): HTMLElement {
  return h(
    'div',
    { class: 'scroll' },
    h(
      'table',
      { class: 'board' },
      h('caption', {}, block.caption),
      h(
        'thead',
        {},
        h('tr', {}, h('td', {}), ...block.columns.map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        {},
        ...block.lanes.map((lane) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, lane.label),
            ...lane.cells.map((cards, column) =>
              h(
                'td',
                { class: cards.length === 0 ? 'is-empty' : undefined },
                // Shown only on a phone, where the columns stack and the header row is hidden.
                h(
                  'span',
                  { class: 'cell-label' },
                  block.stages?.[column] ?? block.columns[column] ?? '',
                ),
                h(
                  'ul',
                  {},
                  ...cards.map((card) =>
                    h(
                      'li',
                      { class: `board-card${card.badge?.tone === 'alert' ? ' is-alert' : ''}` },
                      h('span', { class: 'board-title' }, card.title),
                      card.detail ? h('span', { class: 'board-detail' }, card.detail) : undefined,
                      badge(card.badge),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function renderBlock(block: Block): HTMLElement {
  switch (block.kind) {
    case 'facts':
      return facts(block);
    case 'list':
      return list(block);
    case 'table':
      return table(block);
    case 'progress':
      return progress(block);
    case 'bars':
      return bars(block);
    case 'board':
      return board(block);
  }
}

function section(view: SectionView): HTMLElement {
  const headingId = `section-${view.id}`;
  return h(
    'section',
    { class: `card state-${view.state}`, 'aria-labelledby': headingId, 'data-section': view.id },
    h('h2', { id: headingId }, view.title),
    ...(view.state === 'ready'
      ? view.blocks.map(renderBlock)
      : [h('p', { class: 'empty' }, view.message ?? '')]),
  );
}

export interface DashboardControls {
  readonly refreshLabel: string;
  onDepartment(id: string): void;
  onRefresh(): void;
}

/** Replaces the header and main content with this dashboard. */
export function renderDashboard(view: DashboardView, controls: DashboardControls): void {
  document.title = view.title;
  const header = document.getElementById('top');
  const main = document.getElementById('main');
  if (!header || !main) return;

  const tools = h('div', { class: 'tools' });
  const filter = view.departmentFilter;
  if (filter) {
    const select = h(
      'select',
      { id: 'department' },
      h('option', { value: '' }, filter.allLabel),
      ...filter.options.map((o) => h('option', { value: o.id }, o.label)),
    );
    select.value = filter.selected;
    select.addEventListener('change', () => controls.onDepartment(select.value));
    tools.append(h('label', { for: 'department' }, filter.label), select);
  }
  const refresh = h('button', { type: 'button', class: 'button' }, controls.refreshLabel);
  refresh.addEventListener('click', () => controls.onRefresh());
  tools.append(refresh);

  header.replaceChildren(
    h('div', {}, h('h1', { id: 'title' }, view.title), h('p', { class: 'viewer' }, view.viewer)),
    h('div', { class: 'meta' }, tools, h('p', { class: 'updated' }, view.updated)),
  );
  main.replaceChildren(h('div', { class: 'grid' }, ...view.sections.map(section)));
  main.setAttribute('aria-busy', 'false');
}

/** A single message instead of the dashboard: while loading, outside Teams, or an error. */
export function renderMessage(text: string, kind: 'loading' | 'info' | 'alert'): void {
  const main = document.getElementById('main');
  if (!main) return;
  main.replaceChildren(
    h('p', { class: `status ${kind}`, role: kind === 'alert' ? 'alert' : 'status' }, text),
  );
  main.setAttribute('aria-busy', String(kind === 'loading'));
}
