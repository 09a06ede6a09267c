// AIMS Gate: the "AI governance" dashboard on the Cockpit start page (plugin point cockpit.dashboard, Camunda's
// frontend plugin interface since 7.14). Its data comes from this plugin's resource behind the Cockpit login
// (/camunda/api/cockpit/plugin/ai-governance/{engine}/kpis), which answers only the governance board and auditors;
// for anyone else the resource says 403 and this script leaves its node empty.
const PLUGIN = 'ai-governance';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function figure(label, value, key) {
  return el('div', { class: 'aims-gov-figure', 'data-kpi': key }, el('span', { class: 'aims-gov-value' }, value),
    el('span', { class: 'aims-gov-label' }, label));
}

function counts(title, map, key) {
  return el('table', { class: 'aims-gov-counts', 'data-kpi': key },
    el('caption', {}, title),
    el('tbody', {}, Object.entries(map).map(([name, n]) =>
      el('tr', {}, el('th', {}, name.replace(/_/g, ' ').toLowerCase()), el('td', { 'data-key': name }, n)))));
}

function heatMap(title, cells, key) {
  const rows = [el('tr', {}, el('th', {}, ''), [1, 2, 3, 4, 5].map(i => el('th', {}, 'I' + i)))];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    rows.push(el('tr', {}, el('th', {}, 'L' + likelihood), [1, 2, 3, 4, 5].map(impact => {
      const score = likelihood * impact;
      const level = score >= 15 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
      return el('td', { class: 'aims-gov-heat-' + level, 'data-cell': likelihood + 'x' + impact },
        cells[likelihood - 1][impact - 1]);
    })));
  }
  return el('table', { class: 'aims-gov-heat', 'data-kpi': key }, el('caption', {}, title), el('tbody', {}, rows));
}

function attention(items) {
  if (items.length === 0) {
    return el('p', { 'data-kpi': 'attention' }, 'Nothing is waiting for the board.');
  }
  const tasklist = new URL('../../tasklist/default/', window.location.href).pathname;
  return el('ul', { class: 'aims-gov-attention', 'data-kpi': 'attention' }, items.map(item => el('li', {},
    el('span', { class: 'aims-gov-kind' }, item.kind.replace(/_/g, ' ').toLowerCase()), ' ',
    item.taskId ? el('a', { href: tasklist + '#/?task=' + encodeURIComponent(item.taskId), target: '_top' },
      item.text || 'Task') : item.text,
    item.due ? el('span', { class: 'aims-gov-due' }, ' due ' + item.due) : '')));
}

function render(node, k, base) {
  node.replaceChildren(el('section', { class: 'aims-gov', id: 'aims-governance-dashboard' },
    el('h1', { class: 'section-title' }, 'AI governance'),
    el('p', { class: 'aims-gov-period' }, 'Period ' + k.from + ' to ' + k.to + '; portfolio and risks as of now.'),
    el('div', { class: 'aims-gov-figures' },
      figure('AI systems', k.portfolio.systems, 'systems'),
      figure('risks not closed', k.risks.notClosed, 'risksNotClosed'),
      figure('overdue risk treatments', k.risks.overdueTreatments, 'overdueTreatments'),
      figure('deployments halted', k.deployments.halted, 'halted'),
      figure('versions suspended', k.deployments.suspendedVersions, 'suspended'),
      figure('corrective actions overdue', k.correctiveActionsOverdue, 'correctiveActionsOverdue')),
    el('div', { class: 'aims-gov-row' },
      counts('Systems by EU AI Act tier', k.portfolio.byTier, 'byTier'),
      counts('Systems by life-cycle stage', k.portfolio.byStage, 'byStage'),
      heatMap('Residual risk heat map (likelihood x impact)', k.risks.residualHeatMap, 'residualHeatMap')),
    el('h2', {}, 'Needs the board'),
    attention(k.attention),
    el('p', {}, el('a', { class: 'btn btn-default', id: 'aims-gov-board-report', href: base + '/board-report?from='
      + k.from + '&to=' + k.to, download: '' }, 'Download the board report (PDF)'))));
}

export default {
  id: 'aimsGateGovernanceDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api }) => {
    const base = api.cockpitApi + '/plugin/' + PLUGIN + '/' + api.engine;
    fetch(base + '/kpis', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(kpis => {
        if (kpis) {
          render(node, kpis, base);
        } else {
          node.replaceChildren();
        }
      })
      .catch(() => node.replaceChildren());
  }
};
