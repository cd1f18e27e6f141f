/**
 * `https://slack.com/api/<method>`: GET or POST, arguments checked against the Web API
 * description, the method run, Slack's JSON answer. A JSON body without a charset gets Slack's
 * `missing_charset` warning; an unknown method is `unknown_method`.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import { invalidArguments, slackError, slackOk } from './answers.js';
import { argsOf } from './args.js';
import type { SlackPrincipal } from './auth.js';
import { deleteMessage, postMessage, updateMessage, type CallContext } from './chat.js';
import { history, replies } from './conversations.js';
import { checkArgs } from './spec.js';
import type { Workspace } from './workspace.js';

type Method = (ctx: CallContext) => Record<string, unknown>;

function authTest(ctx: CallContext): Record<string, unknown> {
  const { workspace, principal } = ctx;
  return {
    url: 'https://forgeworks-sandbox.slack.com/', team: 'Forgeworks Sandbox', user: 'forgeworks', team_id: workspace.teamId,
    user_id: principal.botUserId, bot_id: principal.botId, is_enterprise_install: false,
  };
}

const METHODS: Record<string, Method> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': updateMessage,
  'chat.delete': deleteMessage,
  'conversations.history': history,
  'conversations.replies': replies,
};

function warnings(req: SandboxRequest): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('application/json') && !/charset=/i.test(type) ? { warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] } } : {};
}

export function registerApi(server: SandboxServer<SlackPrincipal>, workspace: Workspace): void {
  server.route(['GET', 'POST'], '/api/:method', (req): SandboxResponse => {
    const name = req.params.method ?? '';
    const method = METHODS[name];
    if (!method) throw slackError('unknown_method', { req_method: name });
    const args = argsOf(req);
    const problems = checkArgs(name, args);
    if (problems.length > 0) throw invalidArguments(problems);
    const answer = slackOk({ ...method({ workspace, principal: req.auth, args }), ...warnings(req) });
    return answer;
  });
}
