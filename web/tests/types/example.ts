// A TypeScript user of every namespace of webwork-tracker. Compiled with `tsc --noEmit --strict`
// by web/tests/types.test.mjs (not run): it shows the types carry the API, with no `any`.
import {
  WebWorkClient,
  WebWorkError,
  DEFAULT_BASE_URL,
  ready,
  type ApiResponse,
  type ErrorKind,
  type Member,
  type PageResponse,
  type Project,
  type RateBudget,
  type Role,
  type TaskStatus,
} from 'webwork-tracker';

const client = new WebWorkClient({ baseUrl: DEFAULT_BASE_URL, token: 'pat', requestsPerMinute: 60, timeoutMs: 10_000, maxRetries: 2 });
// A token from the app's backend, renewed after a 401; or a webwork-gateway holding it.
export const provided = new WebWorkClient({
  tokenProvider: async ({ renew }) => (renew ? 'fresh-token' : 'cached-token'),
  baseUrl: DEFAULT_BASE_URL,
});
export const viaGateway = new WebWorkClient({ baseUrl: '/api/v2', gateway: true, timeoutMs: 5_000 });
const workspaceId = 1;
const signal = new AbortController().signal;

export async function everyNamespace(): Promise<void> {
  await ready();

  // workspaces
  const workspaces = await client.workspaces.list();
  const name: string = workspaces.data[0]?.workspaceName ?? '';

  // members: one page, every page, typed fields
  const page: PageResponse<Member> = await client.members.list({ workspaceId, status: 'active', page: 1, perPage: 50 }, { signal });
  const total: number | undefined = page.pagination?.total;
  const more: boolean = page.hasNext;
  for await (const m of client.members.all({ workspaceId, role: 'Regular User' }, { signal, timeoutMs: 5000 })) {
    const role: Role = m.currentRole;
    const blocked: boolean = m.isBlocked;
    const rate: number | null = m.rate;
    void [role, blocked, rate];
  }
  const invited = await client.members.invite({ workspaceId, email: 'ann@example.com', firstname: 'Ann', lastname: 'Lee', role: 'Regular User' });
  const link: string = invited.data.invitationLink;
  await client.members.update({ workspaceId, memberId: invited.data.userId, weeklyHoursLimit: 40, removeAvatar: true });
  await client.members.delete({ workspaceId, memberId: 7 });
  await client.members.restore({ workspaceId, memberId: 7 });

  // projects
  const created: ApiResponse<Project> = await client.projects.create({ workspaceId, name: 'Kiosk', startDate: '2026-03-02', deadline: '2026-04-01', tags: ['a'] });
  const tagNames: string[] = created.data.tags.map((t) => t.name);
  await client.projects.update({ workspaceId, projectId: created.data.id, isBillable: true, screenshots: 'blurred' });

  // contracts
  const contract = await client.contracts.create({ workspaceId, projectId: created.data.id, userId: 5, rate: 30, rateType: 1 });
  await client.contracts.update({ workspaceId, contractId: contract.data.id, status: 'paused' });

  // tasks
  const task = await client.tasks.create({ workspaceId, projectId: created.data.id, title: 'Tests', priority: 20, assignees: [5] });
  const status: TaskStatus | null = task.data.status;
  await client.tasks.assign({ workspaceId, projectId: created.data.id, taskId: task.data.id, userId: 6 });
  const assignees = await client.tasks.listAssignees({ workspaceId, projectId: created.data.id, taskId: task.data.id });

  // project viewers
  const viewer = await client.projectViewers.create({ workspaceId, email: 'client@example.com', firstname: 'C', lastname: 'L' });
  await client.projectViewers.assignProject({ workspaceId, viewerId: viewer.data.id, projectId: created.data.id });

  // time tracking, entries, timesheets, time requests
  const started = await client.timeTracking.start({ workspaceId, userId: 5, contractId: contract.data.id });
  const current = await client.timeTracking.current({ workspaceId, userId: 5 });
  await client.timeTracking.stop({ workspaceId, userId: 5 });
  const entry = await client.timeEntries.create({ workspaceId, userId: 5, date: '2026-03-02', startTime: '09:00', endTime: '10:00' });
  const saved: number | undefined = entry.savedMinutes;
  for await (const e of client.timeEntries.all({ workspaceId, userId: 5, date: '2026-03-02' })) void e.durationMinutes;
  const sheets = await client.timesheets.list({ workspaceId, status: 'submitted', orderBy: 'desc' });
  for (const sheet of sheets.data) await client.timesheets.approve({ workspaceId, timesheetId: sheet.id });
  const request = await client.timeRequests.create({ workspaceId, userId: 5, start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' });
  await client.timeRequests.reject({ workspaceId, timeRequestId: request.data.id, comment: 'No' });

  // leaves, expenses
  const policies = await client.leaves.listPolicies({ workspaceId });
  const balances = await client.leaves.listBalances({ workspaceId, dateFrom: '2026-01-01', dateTo: '2026-12-31' });
  const expense = await client.expenses.create({ workspaceId, expenseName: 'Train', date: '2026-03-02', amount: 12.5, categoryId: 'travel' });
  const categories = await client.expenses.listCategories({ workspaceId });

  // reports
  const hours = await client.reports.trackedHours({ workspaceId, startDate: '2026-03-01', endDate: '2026-03-07' });
  const days: string[] = Object.keys(hours.data.dates);
  for await (const row of client.reports.allDailyTimeline({ workspaceId, date: '2026-03-02' })) void row;

  // webhooks
  const hook = await client.webhooks.create({ workspaceId, url: 'https://example.com/h', events: ['member.invited', 'tracker.started'] });
  const token: string | null = hook.data.token;

  // the escape hatch
  const raw = await client.request<{ id: number }[]>('GET', '/members', { query: { workspace_id: 1, ids: [1, 2] }, signal });
  const firstId: number | undefined = raw.data[0]?.id;

  const budget: RateBudget = client.budget();

  void [name, total, more, link, tagNames, status, assignees, started, current, saved, policies, balances, expense, categories, days, token, firstId, budget];
}

export function describe(e: unknown): string {
  if (e instanceof WebWorkError) {
    const kind: ErrorKind = e.kind;
    switch (kind) {
      case 'rate_limited':
        return `wait ${e.retryAfter ?? 60} s`;
      case 'validation':
      case 'invalid_request':
        return `${e.field ?? 'input'}: ${e.message}`;
      case 'unauthorized':
        return `sign in again (${e.status})`;
      default:
        return e.message;
    }
  }
  return String(e);
}
