// The agent console: sign in with a key, find a customer, follow them live. The key stays in sessionStorage
// (this tab only, gone when it closes) and is sent only in the Authorization header and the socket's
// connection parameters, never in a URL.
import { ConsoleError, describeError, request } from './api.js';
import {
  ConsoleAcknowledgeScriptDocument,
  ConsoleAgentScriptDocument,
  type ConsoleAgentScriptQuery,
  ConsoleCustomerDocument,
  ConsoleLoyaltyDetailsDocument,
  ConsoleSearchCustomersDocument,
  type ConsoleTimelineEventFragment,
  ConsoleViewerDocument,
} from './generated.js';
import { LiveCustomer } from './live.js';
import {
  byId,
  h,
  points,
  type Profile,
  renderDetails,
  renderError,
  renderProfile,
  renderScript,
  renderSearchResults,
  renderState,
  renderStatus,
  renderTimeline,
} from './view.js';

const KEY_STORAGE = 'loyalty-console.key';
const ACK_STORAGE = 'loyalty-console.acknowledged';
const TIMELINE_SIZE = 20;
const EXPIRING_WITHIN_DAYS = 30;
const locale = navigator.language || 'en';

interface Session {
  key: string;
  currency: string;
}

interface OpenCustomer {
  id: string;
  live: LiveCustomer;
  profile: Profile;
  timeline: ConsoleTimelineEventFragment[];
  detailsTimer?: ReturnType<typeof setTimeout>;
}

let session: Session | undefined;
let current: OpenCustomer | undefined;
/** Bumped by every open and close: an open answered after a newer one began is dropped, so one feed runs. */
let openRequest = 0;
let script: ConsoleAgentScriptQuery['programTerms'] | null = null;

/** Read out by screen readers: each update is added (a burst of them is not lost), the last few kept. */
function announce(text: string): void {
  const log = byId('announcer');
  log.append(h('p', {}, text));
  while (log.childElementCount > 5) log.firstElementChild?.remove();
}

function acknowledged(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(ACK_STORAGE) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function showScript(): void {
  renderScript(script, script ? acknowledged()[script.id] : undefined);
}

/** Any UNAUTHENTICATED answer means the key no longer works: back to the sign-in form, saying why. */
function handleFailure(error: unknown, target: HTMLElement): void {
  const described = describeError(error);
  if (described.code === 'UNAUTHENTICATED') {
    signOut();
    renderError(byId('sign-in-error'), described);
    return;
  }
  renderError(target, described);
}

async function signIn(key: string): Promise<void> {
  const { viewer, tenant } = await request(key, ConsoleViewerDocument, {});
  if (viewer.role === 'CUSTOMER')
    throw new ConsoleError('FORBIDDEN', 'A customer token cannot open the agent console.');
  session = { key, currency: tenant.currency };
  sessionStorage.setItem(KEY_STORAGE, key);
  byId('sign-in').hidden = true;
  byId('workspace').hidden = false;
  byId('sign-out').hidden = false;
  byId('signed-in-as').textContent = `${tenant.name} · ${viewer.role}`;
  renderError(byId('sign-in-error'), undefined);
  renderStatus({ state: 'idle' });
  void loadScript();
  await route();
}

function signOut(): void {
  closeCustomer();
  session = undefined;
  sessionStorage.removeItem(KEY_STORAGE);
  byId('workspace').hidden = true;
  byId('sign-in').hidden = false;
  byId('sign-out').hidden = true;
  byId('signed-in-as').textContent = '';
  byId('search-results').replaceChildren();
  renderStatus({ state: 'stopped' });
  byId('connection').textContent = 'Signed out';
  byId<HTMLInputElement>('api-key').focus();
}

async function loadScript(): Promise<void> {
  if (!session) return;
  try {
    script = (await request(session.key, ConsoleAgentScriptDocument, { locale })).programTerms;
  } catch (error) {
    // No script published for the agent channel is a normal state, not an error to show.
    if (describeError(error).code !== 'NOT_FOUND') handleFailure(error, byId('script-error'));
    script = null;
  }
  showScript();
}

async function search(text: string): Promise<void> {
  if (!session) return;
  const status = byId('search-status');
  status.textContent = 'Searching…';
  try {
    const { customers } = await request(session.key, ConsoleSearchCustomersDocument, { search: text, first: 20 });
    renderSearchResults(customers);
    const n = customers.edges.length;
    status.textContent = n === 0 ? 'No customer matches.' : `${n} customer${n === 1 ? '' : 's'} found.`;
  } catch (error) {
    status.textContent = '';
    handleFailure(error, byId('search-error'));
  }
}

function customerIdFromHash(): string | undefined {
  const match = /^#customer=(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : undefined;
}

async function route(): Promise<void> {
  const id = customerIdFromHash();
  if (!session) return;
  if (!id) {
    closeCustomer();
    return;
  }
  if (current?.id !== id) await openCustomer(id);
}

function closeCustomer(): void {
  openRequest += 1;
  if (!current) return;
  clearTimeout(current.detailsTimer);
  current.live.stop();
  current = undefined;
  byId('customer').hidden = true;
  renderStatus({ state: session ? 'idle' : 'stopped' });
}

/** Pushes arrive in commit order, which is not always the order things happened in: sorted as the query sorts. */
function newestFirst(events: ConsoleTimelineEventFragment[]): ConsoleTimelineEventFragment[] {
  return events.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}

async function refreshDetails(open: OpenCustomer): Promise<void> {
  if (!session) return;
  try {
    const details = await request(session.key, ConsoleLoyaltyDetailsDocument, {
      id: open.id,
      expiringWithinDays: EXPIRING_WITHIN_DAYS,
    });
    // An answer older than what a push already showed would take the screen back.
    if (current !== open || !open.live.read(details.loyaltyState)) return;
    renderState(details.loyaltyState);
    renderDetails(details, session.currency, EXPIRING_WITHIN_DAYS);
    renderError(byId('customer-error'), undefined);
  } catch (error) {
    handleFailure(error, byId('customer-error'));
  }
}

/** Pushes come in bursts (a purchase changes balance, tier and timeline): one read after the burst. */
function refreshDetailsSoon(open: OpenCustomer): void {
  clearTimeout(open.detailsTimer);
  open.detailsTimer = setTimeout(() => void refreshDetails(open), 150);
}

async function refreshProfileAndTimeline(open: OpenCustomer): Promise<void> {
  if (!session) return;
  try {
    const { customer } = await request(session.key, ConsoleCustomerDocument, {
      id: open.id,
      timelineFirst: TIMELINE_SIZE,
    });
    if (current !== open) return;
    open.profile = customer;
    open.timeline = customer.timeline.edges.map((edge) => edge.node);
    renderProfile(open.profile);
    renderTimeline(open.timeline);
  } catch (error) {
    handleFailure(error, byId('customer-error'));
  }
}

async function openCustomer(id: string): Promise<void> {
  if (!session) return;
  closeCustomer();
  const ticket = openRequest;
  const key = session.key;
  const error = byId('customer-error');
  try {
    const [{ customer }, details] = await Promise.all([
      request(key, ConsoleCustomerDocument, { id, timelineFirst: TIMELINE_SIZE }),
      request(key, ConsoleLoyaltyDetailsDocument, { id, expiringWithinDays: EXPIRING_WITHIN_DAYS }),
    ]);
    if (ticket !== openRequest || session?.key !== key || customerIdFromHash() !== id) return;
    // The ticket says nothing opened since; whatever is open is stopped all the same, so only one feed can run.
    closeCustomer();
    // A merged profile's id answers with its survivor: follow the survivor.
    const live = new LiveCustomer(key, customer.id, locale, details.loyaltyState.version, {
      state: (state) => {
        if (current !== open) return;
        renderState(state);
        refreshDetailsSoon(open);
        if (state.source !== 'CURRENT')
          announce(
            `Balance ${points(state.balance.available)} available, ${points(state.balance.pending)} pending; version ${state.version}.`,
          );
      },
      timelineEvent: (event) => {
        if (current !== open || open.timeline.some((e) => e.id === event.id)) return;
        open.timeline = newestFirst([event, ...open.timeline]).slice(0, TIMELINE_SIZE);
        renderTimeline(open.timeline);
        announce(`New on the timeline: ${event.summary}`);
      },
      profile: (update) => {
        if (current !== open) return;
        open.profile = { ...open.profile, displayName: update.displayName, email: update.email, phone: update.phone };
        renderProfile(open.profile);
        announce('The profile changed.');
      },
      script: (terms) => {
        if (new Date(terms.effectiveFrom).getTime() > Date.now()) return;
        script = terms;
        showScript();
        announce(`A new agent script is in effect: ${terms.title}.`);
      },
      resumed: () => {
        // The timeline and profile have no version to resume from: read them again after a drop.
        void refreshProfileAndTimeline(open);
        refreshDetailsSoon(open);
      },
      status: renderStatus,
    });
    const open: OpenCustomer = {
      id: customer.id,
      live,
      profile: customer,
      timeline: customer.timeline.edges.map((edge) => edge.node),
    };
    current = open;
    renderProfile(customer);
    renderState(details.loyaltyState);
    renderDetails(details, session.currency, EXPIRING_WITHIN_DAYS);
    renderTimeline(open.timeline);
    renderError(error, undefined);
    byId('customer').hidden = false;
    byId('customer-name').focus();
    live.start();
  } catch (failure) {
    if (ticket !== openRequest) return;
    byId('customer').hidden = true;
    handleFailure(failure, byId('search-error'));
  }
}

async function acknowledgeScript(): Promise<void> {
  if (!session || !script) return;
  const button = byId<HTMLButtonElement>('script-acknowledge');
  button.disabled = true;
  try {
    const { acknowledgeScript: ack } = await request(session.key, ConsoleAcknowledgeScriptDocument, {
      termsId: script.id,
    });
    sessionStorage.setItem(ACK_STORAGE, JSON.stringify({ ...acknowledged(), [script.id]: ack.createdAt }));
    showScript();
    announce(`Script version ${ack.version} acknowledged.`);
  } catch (error) {
    button.disabled = false;
    handleFailure(error, byId('script-error'));
  }
}

function wire(): void {
  byId<HTMLFormElement>('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('api-key');
    const key = input.value.trim();
    input.value = '';
    signIn(key).catch((error: unknown) => {
      session = undefined;
      sessionStorage.removeItem(KEY_STORAGE);
      renderError(byId('sign-in-error'), describeError(error));
      input.focus();
    });
  });
  byId('sign-out').addEventListener('click', () => {
    history.replaceState(null, '', location.pathname);
    signOut();
  });
  byId<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    renderError(byId('search-error'), undefined);
    void search(byId<HTMLInputElement>('search-input').value.trim());
  });
  byId('script-acknowledge').addEventListener('click', () => void acknowledgeScript());
  window.addEventListener('hashchange', () => void route());

  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved)
    signIn(saved).catch((error: unknown) => {
      signOut();
      renderError(byId('sign-in-error'), describeError(error));
    });
  else byId<HTMLInputElement>('api-key').focus();
}

wire();
