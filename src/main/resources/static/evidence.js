// The evidence page linked from the gates' Tasklist forms: lists a subject's evidence and uploads a file to it, as
// the user logged in to the Camunda webapps (their session; an upload carries the webapps' CSRF token). Everything
// shown comes from GET /api/evidence and is written as text, never as HTML.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const subjectType = params.get('subjectType') || '';
  const subjectId = params.get('subjectId') || '';
  const status = document.getElementById('status');
  const form = document.getElementById('upload');
  const SUBJECTS = { SYSTEM: 'AI system', MODEL_VERSION: 'model version', GATE_RUN: 'gate run', RISK: 'risk',
    INCIDENT: 'incident' };

  function say(text, kind) {
    status.textContent = text;
    status.className = kind || '';
  }

  function cell(row, content) {
    const td = document.createElement('td');
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = content == null ? '' : String(content);
    }
    row.appendChild(td);
    return td;
  }

  function link(revision, text) {
    const a = document.createElement('a');
    a.href = revision.contentUrl;
    a.textContent = text;
    a.setAttribute('download', revision.fileName);
    return a;
  }

  function size(bytes) {
    return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KiB'
      : (bytes / 1048576).toFixed(1) + ' MiB';
  }

  // The session's CSRF token, from the X-XSRF-TOKEN header of the list (the webapps' cookie is scoped to /camunda).
  let csrfToken = null;

  async function problem(response) {
    try {
      const body = await response.json();
      return (body.detail || body.title || response.statusText) + (body.field ? ' (' + body.field + ')' : '');
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  async function load() {
    const response = await fetch('/api/evidence?subjectType=' + encodeURIComponent(subjectType) + '&subjectId='
      + encodeURIComponent(subjectId), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      say('Log in to Tasklist first, then open this page again from the task.', 'error');
      form.hidden = true;
      return;
    }
    if (!response.ok) {
      say(await problem(response), 'error');
      return;
    }
    csrfToken = response.headers.get('X-XSRF-TOKEN') || csrfToken;
    const files = await response.json();
    const body = document.querySelector('#files tbody');
    body.replaceChildren();
    document.getElementById('no-files').hidden = files.length > 0;
    for (const file of files) {
      const current = file.current;
      const row = document.createElement('tr');
      row.dataset.fileName = file.fileName;
      cell(row, file.kind);
      cell(row, link(current, file.fileName));
      cell(row, current.revision);
      cell(row, size(current.size));
      cell(row, current.uploadedBy + ', ' + current.uploadedAt.substring(0, 10));
      cell(row, current.expiresOn || '');
      const earlier = document.createElement('span');
      file.revisions.slice(1).forEach((revision, i) => {
        if (i > 0) {
          earlier.appendChild(document.createTextNode(' '));
        }
        earlier.appendChild(link(revision, 'rev. ' + revision.revision));
      });
      cell(row, earlier);
      body.appendChild(row);
    }
  }

  form.elements.file.addEventListener('change', () => {
    const chosen = form.elements.file.files[0];
    if (chosen && !form.elements.fileName.dataset.fixed) {
      form.elements.fileName.value = chosen.name;
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.elements.file.files[0];
    if (!chosen) {
      say('Choose a file.', 'error');
      return;
    }
    const query = new URLSearchParams({ subjectType, subjectId, kind: form.elements.kind.value,
      fileName: form.elements.fileName.value });
    if (form.elements.expiresOn.value) {
      query.set('expiresOn', form.elements.expiresOn.value);
    }
    const headers = { 'Content-Type': chosen.type || 'application/octet-stream', Accept: 'application/json' };
    if (csrfToken) {
      headers['X-XSRF-TOKEN'] = csrfToken;
    }
    say('Uploading ' + chosen.name + '...');
    const response = await fetch('/api/evidence?' + query, { method: 'POST', credentials: 'same-origin', headers,
      body: chosen });
    if (!response.ok) {
      say('Refused: ' + await problem(response), 'error');
      return;
    }
    const stored = await response.json();
    say('Stored ' + stored.fileName + ' as revision ' + stored.revision + ' (SHA-256 ' + stored.sha256 + ').', 'ok');
    form.reset();
    await load();
  });

  document.getElementById('subject').textContent = 'Attached to ' + (SUBJECTS[subjectType] || subjectType) + ' '
    + subjectId;
  if (params.get('kind')) {
    form.elements.kind.value = params.get('kind');
  }
  if (params.get('fileName')) {
    form.elements.fileName.value = params.get('fileName');
    form.elements.fileName.dataset.fixed = 'true';
  }
  load().catch((e) => say(String(e), 'error'));
})();
