import * as api from './api.js';
import { STAGES, funnelChart, intentBars, movementChart, percent, stageTimeline } from './charts.js';

const FUNNEL_EVERY_MS = 5000;
const SLOW_EVERY_MS = 30000;
const MOVEMENT_DAYS = 30;
const PEOPLE_LIMIT = 10;

const view = document.getElementById('view');
let timers = [];

function stopPolling() {
  timers.forEach(clearInterval);
  timers = [];
}

/** Runs task now and every everyMs while the tab is visible; a hidden tab costs the service nothing. */
function poll(task, everyMs) {
  task();
  timers.push(setInterval(() => {
    if (!document.hidden) task();
  }, everyMs));
}

function show(templateId) {
  view.replaceChildren(document.getElementById(templateId).content.cloneNode(true));
}

function $(id) {
  return document.getElementById(id);
}

function node(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(key, String(value));
  }
  children.forEach((child) => element.append(child));
  return element;
}

function when(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function customerHref(customerKey) {
  return `#/customers/${encodeURIComponent(customerKey)}`;
}

/** Errors every view treats alike: a refused key sends the user back to sign in. */
function failed(error, target, what) {
  if (error instanceof api.Unauthorized) {
    api.session.signOut();
    route('The API key was refused; sign in again.');
    return;
  }
  if (target) {
    target.textContent = error instanceof api.NotFound
      ? `${what} is not available from this journey-service (${error.path} answered 404).`
      : `Could not load ${what}: ${error.message}`;
  }
}

// ---- sign in -------------------------------------------------------------------------------------------------------

function signInView(message) {
  show('sign-in-template');
  $('sign-in-error').textContent = message ?? '';
  const form = $('sign-in-form');
  const tenant = new URLSearchParams(location.search).get('tenant');
  if (tenant) form.elements.tenant.value = tenant;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.session.signIn(form.elements.tenant.value.trim(), form.elements.apiKey.value.trim());
    route();
  });
}

// ---- dashboard -----------------------------------------------------------------------------------------------------

/**
 * The funnel as the page draws it, from GET /v1/funnel's answer: customersPerStage {STAGE: n}, conversion [{from, to,
 * reachedFrom, reachedTo, rate}], styles {RELATIONAL: n, TRANSACTIONAL: n}, responses {opened, answeredInTime,
 * answeredLate, overdue, responseRate, inTimeRate}. The numbers are the API's, never recomputed here.
 */
export function readFunnel(body) {
  const perStage = body.customersPerStage ?? {};
  const conversion = new Map((body.conversion ?? []).map((step) => [step.from, step]));
  const rows = STAGES.map((stage) => ({
    stage,
    customers: perStage[stage] ?? 0,
    conversionToNext: conversion.get(stage)?.rate ?? null,
    reachedFrom: conversion.get(stage)?.reachedFrom,
    reachedTo: conversion.get(stage)?.reachedTo,
    medianHours: body.medianHoursInStage?.[stage],
  }));
  return {
    rows,
    total: body.customers ?? rows.reduce((sum, row) => sum + row.customers, 0),
    transactional: body.styles?.TRANSACTIONAL ?? 0,
    responses: body.responses ?? null,
  };
}

function renderFunnel(funnel) {
  $('funnel-chart').replaceChildren(funnelChart(funnel.rows));
  view.querySelector('[data-testid="transactional-count"]').textContent = String(funnel.transactional);
  view.querySelector('[data-testid="total-count"]').textContent = String(funnel.total);
  renderSla(funnel.responses);
}

function figure(value, label, note, testId, warn) {
  return node('div', { class: warn ? 'figure warn' : 'figure' },
    node('span', { class: 'figure-value', 'data-testid': testId }, value),
    node('span', { class: 'figure-label' }, label),
    node('span', { class: 'figure-note' }, note));
}

function renderSla(responses) {
  const figures = $('sla-figures');
  if (!responses) {
    figures.replaceChildren();
    $('sla-note').textContent = 'The funnel answer carries no response figures.';
    return;
  }
  const answered = responses.answeredInTime + responses.answeredLate;
  figures.replaceChildren(
    figure(String(responses.opened - answered), 'unanswered', `of ${responses.opened} complaints that needed an answer`,
      'sla-unanswered', false),
    figure(String(responses.overdue), 'went overdue', 'not answered within the SLA', 'sla-overdue',
      responses.overdue > 0),
    figure(percent(responses.responseRate), 'response rate', `${percent(responses.inTimeRate)} answered in time`,
      'sla-response-rate', false));
  $('sla-note').textContent = responses.opened === 0
    ? 'No confident complaint has opened a response window yet.'
    : `${responses.answeredInTime} answered in time, ${responses.answeredLate} late.`;
}

async function refreshFunnel() {
  const updated = $('funnel-updated');
  try {
    const body = await api.funnel();
    renderFunnel(readFunnel(body));
    if (Array.isArray(body.movement)) {
      const first = funnelMovement === null;
      funnelMovement = body.movement;
      if (first) refreshMovement();
    }
    $('funnel-error').textContent = '';
    updated.textContent = `live · updated ${new Date().toLocaleTimeString()}`;
    updated.classList.remove('stale');
    view.querySelector('#funnel-section').dataset.loaded = 'true';
  } catch (error) {
    updated.classList.add('stale');
    failed(error, $('funnel-error'), 'the funnel');
  }
}

let funnelMovement = null;

/** Per-day movement from the funnel answer (field movement) when the service puts it there, else its own endpoint. */
async function refreshMovement() {
  try {
    const days = funnelMovement ?? (await api.movement(MOVEMENT_DAYS)).days ?? [];
    $('movement-chart').replaceChildren(movementChart(days));
    const advances = days.reduce((sum, day) => sum + day.advances, 0);
    const regressions = days.reduce((sum, day) => sum + day.regressions, 0);
    $('movement-note').textContent =
      `${advances} advances and ${regressions} regressions in the last ${days.length} days.`;
  } catch (error) {
    if (funnelMovement !== null && error instanceof api.NotFound) return; // the funnel's answer carries it
    failed(error, $('movement-note'), 'Movement per day');
  }
}

function personItem(customer, detail) {
  return node('li', {},
    node('a', { class: 'key', href: customerHref(customer.customerKey) }, customer.customerKey),
    node('span', { class: 'when' }, detail));
}

async function refreshPeople() {
  const lists = [
    ['newest-advocates', 'newest-advocates', 'advocates-note', 'Newest advocates', 'No advocates yet.',
      (c) => `advocate since ${when(c.since ?? c.updatedAt)}`],
    ['advocates-at-risk', 'advocates-at-risk', 'at-risk-note', 'Advocates at risk', 'No advocate complained recently.',
      (c) => `complained ${when(c.lastComplaintAt ?? c.updatedAt)}`],
  ];
  for (const [list, listId, noteId, what, empty, detail] of lists) {
    try {
      const body = await api.people(list, PEOPLE_LIMIT);
      const customers = body.customers ?? [];
      $(listId).replaceChildren(...customers.map((c) => personItem(c, detail(c))));
      $(noteId).textContent = customers.length === 0 ? empty : '';
    } catch (error) {
      failed(error, $(noteId), what);
    }
  }
}

function dashboardView() {
  show('dashboard-template');
  funnelMovement = null;
  $('lookup-prefix').textContent = `${api.session.tenant}:`;
  const lookup = $('lookup-form');
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = customerHref(`${api.session.tenant}:${lookup.elements.rest.value.trim()}`);
  });
  poll(refreshFunnel, FUNNEL_EVERY_MS);
  poll(refreshMovement, SLOW_EVERY_MS);
  poll(refreshPeople, SLOW_EVERY_MS);
}

// ---- one customer --------------------------------------------------------------------------------------------------

function fact(list, term, value) {
  list.append(node('dt', {}, term), node('dd', {}, value));
}

function evidenceList(evidence) {
  return node('ul', { class: 'evidence' }, ...evidence.map((item) => node('li', {},
    node('span', { class: 'intent' }, item.intent), ' ',
    node('span', { class: 'confidence' }, `${percent(item.confidence)} · ${item.modelVersion}`), ' ',
    node('code', { title: 'mention id' }, item.mentionId),
    ...(item.text ? [node('span', { class: 'text' }, item.text)] : []))));
}

function historyRow(change) {
  const kind = change.from === null || change.from === undefined
    ? 'first'
    : STAGES.indexOf(change.to) > STAGES.indexOf(change.from) ? 'advance' : 'regress';
  return node('tr', { class: `${kind}-row` },
    node('td', {}, when(change.at)),
    node('td', { class: 'change' }, `${change.from ?? 'start'} → ${change.to}`),
    node('td', {}, node('code', {}, change.rule ?? ''), ...(change.reason ? [node('div', {}, change.reason)] : [])),
    node('td', {}, evidenceList(change.evidence ?? [])));
}

async function customerView(customerKey) {
  show('customer-template');
  $('customer-key').textContent = customerKey;
  if (!customerKey.startsWith(`${api.session.tenant}:`)) {
    $('history-note').textContent = `This customer does not belong to tenant ${api.session.tenant}.`;
    return;
  }
  let journey;
  try {
    journey = await api.journey(customerKey);
  } catch (error) {
    if (error instanceof api.NotFound) {
      $('history-note').textContent = 'No journey for this customer: never seen, or erased on request.';
    } else {
      failed(error, $('history-note'), 'this journey');
    }
    return;
  }
  const badge = $('customer-stage');
  badge.textContent = journey.stage ?? 'not on the journey yet';
  badge.dataset.testid = 'customer-stage';
  badge.classList.toggle('none', !journey.stage);
  const facts = $('customer-facts');
  fact(facts, 'relationship', journey.style ?? '–');
  fact(facts, 'mentions', String(journey.mentionCount ?? 0));
  fact(facts, 'first seen', when(journey.firstSeenAt));
  fact(facts, 'last interaction', when(journey.lastInteractionAt));
  const history = journey.history ?? [];
  $('customer-timeline').replaceChildren(stageTimeline(history, Date.parse(journey.updatedAt) || Date.now()));
  $('customer-intents').replaceChildren(intentBars(journey.intentCounts ?? {}));
  view.querySelector('#customer-history tbody').replaceChildren(...[...history].reverse().map(historyRow));
  $('history-note').textContent = `${history.length} stage changes, newest first.`;
  view.querySelector('#customer-history').dataset.changes = String(history.length);
}

// ---- routing -------------------------------------------------------------------------------------------------------

function route(message) {
  stopPolling();
  const signedIn = api.session.signedIn;
  $('session').hidden = !signedIn;
  if (!signedIn) {
    signInView(message);
    return;
  }
  $('session-tenant').textContent = api.session.tenant;
  const customer = location.hash.match(/^#\/customers\/(.+)$/);
  if (customer) {
    customerView(decodeURIComponent(customer[1]));
  } else {
    dashboardView();
  }
}

$('sign-out').addEventListener('click', () => {
  api.session.signOut();
  location.hash = '#/';
  route();
});
window.addEventListener('hashchange', () => route());
route();
