// What the types refuse. Each `@ts-expect-error` must meet an error, or tsc fails.
import { WebWorkClient } from 'webwork-tracker';

const client = new WebWorkClient({ token: 't' });

export async function refused(): Promise<void> {
  // @ts-expect-error: a required parameter is missing
  await client.members.list({});
  // @ts-expect-error: snake_case is not a parameter name
  await client.members.list({ workspace_id: 1 });
  // @ts-expect-error: a status the API does not document
  await client.members.list({ workspaceId: 1, status: 'asleep' });
  // @ts-expect-error: ids are numbers
  await client.members.get({ workspaceId: 1, memberId: {} });
  // @ts-expect-error: no such namespace
  void client.people;
  // @ts-expect-error: no such method
  void client.members.create;
  // @ts-expect-error: a token is required
  void new WebWorkClient({ baseUrl: 'https://example.com' });
  // @ts-expect-error: a token and a provider at once
  void new WebWorkClient({ token: 't', tokenProvider: async () => 't' });
  // @ts-expect-error: a provider gives a string
  void new WebWorkClient({ tokenProvider: async () => 42 });
  // @ts-expect-error: gateway is `true` or left out
  void new WebWorkClient({ gateway: 'yes' });
  const page = await client.projects.list({ workspaceId: 1 });
  // @ts-expect-error: results are camelCase
  void page.data[0]?.owner_id;
  // @ts-expect-error: signal must be an AbortSignal
  await client.projects.list({ workspaceId: 1 }, { signal: 'now' });
}
