// Rendering: DOM built with textContent only (never HTML from data), so nothing the gateway returns can script the page.
import type {
  ConsoleAgentScriptQuery,
  ConsoleCustomerQuery,
  ConsoleLoyaltyDetailsQuery,
  ConsoleLoyaltyStateFragment,
  ConsoleSearchCustomersQuery,
  ConsoleTimelineEventFragment,
  TierMetric,
} from './generated.js';
import type { ConnectionStatus } from './live.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes (`class`, `href`, `aria-*`...) and children. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const numbers = new Intl.NumberFormat();
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const times = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const points = (n: number): string => `${numbers.format(n)} pts`;
const date = (iso: string): string => dates.format(new Date(iso));
const dateTime = (iso: string): string => times.format(new Date(iso));

/** The tier metric's amount in words: spend in the tenant's currency (from minor units), else a count. */
export function metricAmount(metric: TierMetric, amount: number, currency: string): string {
  if (metric === 'SPEND') {
    const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    return money.format(amount / 10 ** (money.resolvedOptions().maximumFractionDigits ?? 2));
  }
  return metric === 'VISITS' ? `${numbers.format(amount)} visits` : points(amount);
}

function definitions(list: HTMLElement, rows: [string, Child][]): void {
  list.replaceChildren(...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

function timeElement(iso: string, text: string): HTMLElement {
  return h('time', { datetime: iso }, text);
}

export function renderStatus(status: ConnectionStatus): void {
  const element = byId('connection');
  const words: Record<ConnectionStatus['state'], string> = {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: status.retryInSeconds ? `Reconnecting in ${status.retryInSeconds} s…` : 'Reconnecting…',
    idle: 'No customer open',
    stopped: 'Not live',
  };
  element.dataset.state = status.state;
  element.textContent = status.error
    ? `${words[status.state]} (${status.error.code}: ${status.error.message})`
    : words[status.state];
}

/** Shows an error in words with its code, or hides the element when there is none. */
export function renderError(element: HTMLElement, error: { code: string; message: string } | undefined): void {
  element.hidden = !error;
  element.textContent = error ? `${error.code}: ${error.message}` : '';
}

export function renderSearchResults(result: ConsoleSearchCustomersQuery['customers']): void {
  const list = byId('search-results');
  list.replaceChildren(
    ...result.edges.map(({ node }) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `#customer=${encodeURIComponent(node.id)}` },
          h('span', { class: 'name' }, node.displayName ?? '(no name)'),
          h('span', { class: 'contact' }, [node.email, node.phone].filter(Boolean).join(' · ') || 'no contact'),
        ),
      ),
    ),
  );
}

export type Profile = Pick<
  ConsoleCustomerQuery['customer'],
  'id' | 'displayName' | 'email' | 'phone' | 'city' | 'kind' | 'anonymous' | 'segments' | 'createdAt'
>;

export function renderProfile(profile: Profile): void {
  byId('customer-name').textContent = profile.displayName ?? (profile.anonymous ? 'Anonymous member' : '(no name)');
  definitions(byId('profile'), [
    ['Email', profile.email],
    ['Phone', profile.phone],
    ['City', profile.city],
    ['Member since', timeElement(profile.createdAt, date(profile.createdAt))],
    ['Segments', profile.segments.join(', ') || null],
    ['Customer id', h('code', {}, profile.id)],
  ]);
}

export function renderState(state: ConsoleLoyaltyStateFragment): void {
  byId('state-version').textContent = String(state.version);
  byId('balance-available').textContent = points(state.balance.available);
  byId('balance-pending').textContent = points(state.balance.pending);
  byId('tier-name').textContent = state.tier ? state.tier.name : 'No tier';
  byId('state-changed').replaceChildren(
    state.changedAt ? timeElement(state.changedAt, dateTime(state.changedAt)) : 'never',
  );
}

export function renderDetails(details: ConsoleLoyaltyDetailsQuery, currency: string, expiringWithinDays: number): void {
  byId('balance-expiring-label').textContent = `Expiring within ${expiringWithinDays} days`;
  byId('balance-expiring').textContent = points(details.customer.balance.expiringPoints);

  const tier = details.customer.tier;
  const box = byId('tier-details');
  if (!tier) {
    box.replaceChildren(h('p', {}, 'The program has no tiers.'));
  } else {
    const rows: Child[] = [
      h('p', {}, 'Held since ', timeElement(tier.since, date(tier.since))),
      tier.expiresAt ? h('p', {}, 'Status ends ', timeElement(tier.expiresAt, date(tier.expiresAt))) : null,
      tier.limitedTime ? h('p', {}, `Limited-time status; qualified for ${tier.qualifiedTier.name}.`) : null,
    ];
    if (tier.progress) {
      const p = tier.progress;
      const label = `${p.percent}% of the way to ${p.nextTier.name}`;
      rows.push(
        h(
          'div',
          { class: 'progress' },
          h('label', { for: 'tier-progress' }, label),
          h('progress', { id: 'tier-progress', max: '100', value: String(p.percent) }, `${p.percent}%`),
          h('p', {}, `${metricAmount(p.metric, p.remaining, currency)} more to reach ${p.nextTier.name}.`),
        ),
      );
    } else {
      rows.push(h('p', {}, 'Top tier reached.'));
    }
    const risk = tier.downgradeRisk;
    rows.push(
      risk
        ? h(
            'p',
            { class: 'warning' },
            h('strong', {}, 'Downgrade risk: '),
            `drops to ${risk.projectedTier.name} after `,
            timeElement(risk.atPeriodEnd, date(risk.atPeriodEnd)),
            ` unless ${metricAmount(tier.current.metric, risk.remainingToKeep, currency)} more is reached.`,
          )
        : h('p', {}, 'No downgrade risk.'),
    );
    box.replaceChildren(...rows.filter((row): row is Node | string => Boolean(row)));
  }

  const benefits = byId('benefits');
  benefits.replaceChildren(
    ...(details.benefits.length
      ? details.benefits.map((b) => h('li', {}, h('span', {}, b.text), h('span', { class: 'tag' }, b.tierCode)))
      : [h('li', {}, 'No benefits on this channel.')]),
  );
}

export function renderTimeline(events: readonly ConsoleTimelineEventFragment[]): void {
  byId('timeline').replaceChildren(
    ...(events.length
      ? events.map((event) =>
          h(
            'li',
            { 'data-id': event.id },
            timeElement(event.occurredAt, dateTime(event.occurredAt)),
            h('span', { class: 'tag' }, event.kind.replaceAll('_', ' ').toLowerCase()),
            h('span', { class: 'summary' }, event.summary),
            h('span', { class: 'meta' }, [event.channel, event.actor].filter(Boolean).join(' · ')),
          ),
        )
      : [h('li', {}, 'Nothing yet.')]),
  );
}

export function renderScript(
  script: ConsoleAgentScriptQuery['programTerms'] | null,
  acknowledgedAt: string | undefined,
): void {
  const box = byId('script');
  const button = byId<HTMLButtonElement>('script-acknowledge');
  const note = byId('script-acknowledged');
  if (!script) {
    box.replaceChildren(h('p', {}, 'No agent script is published for this channel.'));
    button.hidden = true;
    note.hidden = true;
    return;
  }
  box.replaceChildren(
    h('h4', {}, `${script.title} (version ${script.version}, ${script.locale})`),
    ...script.body.split(/\n{2,}/).map((paragraph) => h('p', {}, paragraph)),
  );
  button.hidden = Boolean(acknowledgedAt);
  button.disabled = false;
  note.hidden = !acknowledgedAt;
  note.textContent = acknowledgedAt ? `Acknowledged ${dateTime(acknowledgedAt)}.` : '';
}
