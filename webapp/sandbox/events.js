// The sandbox receiver page: lists the events /sandbox/events/receive accepted, newest first.
const body = document.querySelector('#events tbody');

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function row(event) {
  const tr = document.createElement('tr');
  const pre = document.createElement('pre');
  try {
    pre.textContent = JSON.stringify(JSON.parse(event.body), null, 2);
  } catch (e) {
    pre.textContent = event.body;
  }
  const data = document.createElement('td');
  data.append(pre);
  tr.append(cell(event.receivedAt), cell(event.type || ''), cell(event.eventId || ''),
    cell(event.signatureValid ? 'valid' : 'INVALID'), data);
  return tr;
}

async function refresh() {
  try {
    const response = await fetch('/sandbox/api/events');
    if (response.ok) {
      const events = await response.json();
      body.replaceChildren(...events.slice().reverse().map(row));
    }
  } finally {
    setTimeout(refresh, 1000);
  }
}

refresh();
