/**
 * `GET /rest/api/3/issue/{issueIdOrKey}/transitions`: the transitions available from the
 * issue's status, each with the status it leads to. `POST` with `{ transition: { id } }` moves
 * the issue (204); an id not available from its status is a 400.
 */
import { statusById, WORKFLOW } from './catalog.js';
import { issueNotFound, jiraError } from './errors.js';
import { object, type RouteContext } from './context.js';

export function registerTransitionRoutes(ctx: RouteContext): void {
  const { server, store } = ctx;
  const path = '/rest/api/3/issue/:issueIdOrKey/transitions';

  server.route('GET', path, (req) => {
    const entry = store.issue(req.params.issueIdOrKey ?? '');
    if (!entry) throw issueNotFound();
    const transitions = (WORKFLOW[entry.data.statusId] ?? []).map((t) => {
      const to = statusById(t.to);
      return {
        id: t.id, name: t.name, hasScreen: false, isGlobal: false, isInitial: false, isAvailable: true, isConditional: false, isLooped: false,
        to: { self: `${req.baseUrl}/rest/api/3/status/${to.id}`, description: '', name: to.name, id: to.id, statusCategory: to.category },
      };
    });
    return { status: 200, body: { expand: 'transitions', transitions } };
  });

  server.route('POST', path, (req) => {
    const entry = store.issue(req.params.issueIdOrKey ?? '');
    if (!entry) throw issueNotFound();
    const id = object(object(req.body).transition).id;
    const transition = (WORKFLOW[entry.data.statusId] ?? []).find((t) => t.id === String(id));
    if (!transition) throw jiraError(400, [`Transition id '${String(id)}' is not valid for this issue.`]);
    store.updateIssue(entry.id, (current) => ({ ...current, statusId: transition.to }));
    return { status: 204 };
  });
}
