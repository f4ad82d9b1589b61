// Lists every member of a workspace with the webwork-tracker package, as any Vite app would:
// a plain import, no plugin, no special config.
//
// Query string: ?token=demo-owner&workspace=1[&api=http://127.0.0.1:8080/api/v2]
// (without `api`, the API of the page's own origin, e.g. the sandbox serving this build).
import { WebWorkClient, WebWorkError } from 'webwork-tracker';

const query = new URLSearchParams(location.search);
const status = document.querySelector('#status');
const rows = document.querySelector('#members');

function show(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

async function main() {
  const client = new WebWorkClient({
    baseUrl: query.get('api') ?? new URL('/api/v2', location.origin).href,
    token: query.get('token') ?? 'demo-owner',
  });
  const workspaceId = Number(query.get('workspace') ?? 1);
  const first = await client.members.list({ workspaceId, perPage: 1 });
  let count = 0;
  for await (const member of client.members.all({ workspaceId })) {
    const row = rows.insertRow();
    for (const text of [member.id, `${member.firstname} ${member.lastname}`, member.currentRole, member.status]) {
      // textContent, never innerHTML: names are user data.
      row.insertCell().textContent = String(text);
    }
    count += 1;
  }
  show('done', `${count} of ${first.pagination?.total ?? count} members`);
}

main().catch((e) => {
  show('error', e instanceof WebWorkError ? `${e.kind}: ${e.message}` : String(e));
});
