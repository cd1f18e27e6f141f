/**
 * The executor's throughput against a loopback server, next to a raw undici.request loop in the
 * same run: the ratio is what the platform's guard rails (egress check, breaker, envelope,
 * scrubbing, parsing) cost. Goal: at least 0.9.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'undici';
import { BreakerRegistry, createHttpExecutor } from '../src/core/index.js';
import type { RequestAuthorizer } from '../src/core/index.js';

const BODY = JSON.stringify({ id: 'cus_123', object: 'customer', email: 'ada@example.com', metadata: { plan: 'pro' } });

async function timed(label: string, total: number, concurrency: number, call: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) await call();
  }));
  const perSecond = total / ((performance.now() - started) / 1000);
  console.log(`  ${label.padEnd(28)} ${Math.round(perSecond).toLocaleString('en-US').padStart(8)} req/s`);
  return perSecond;
}

export async function benchExecutor(requests = 20_000, concurrency = 16): Promise<{ ratio: number }> {
  // The server runs in its own process so that it does not share the client's event loop.
  const script = `const b=${JSON.stringify(BODY)};const s=require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'application/json'});r.end(b)});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`;
  const server = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  const url = `http://127.0.0.1:${port}`;
  const agent = new Agent();
  const auth: RequestAuthorizer = { type: 'bearer', authorize: async (req) => { req.headers.authorization = 'Bearer sk_test_bench_secret_value'; }, secrets: () => ['sk_test_bench_secret_value'] };
  const executor = createHttpExecutor({ connectorId: 'bench', connectionKey: 'bench', baseUrl: url, egress: { allowedDomains: ['api.bench.test'], allowLoopback: true }, auth, breakers: new BreakerRegistry() });

  console.log(`executor vs raw undici (${requests} requests, ${concurrency} in flight, loopback)`);
  // Warm both paths (JIT, connection pools) before measuring; then alternate to even out drift.
  await timed('warm-up raw', 2000, concurrency, async () => { const r = await request(`${url}/v1/customers/cus_123`, { dispatcher: agent, headers: { authorization: 'Bearer x' } }); JSON.parse(await r.body.text()); });
  await timed('warm-up executor', 2000, concurrency, async () => { await executor.request({ url: '/v1/customers/cus_123' }); });
  const raw: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < 3; round++) {
    raw.push(await timed('raw undici.request', Math.round(requests / 3), concurrency, async () => {
      const r = await request(`${url}/v1/customers/cus_123`, { dispatcher: agent, headers: { authorization: 'Bearer x' } });
      JSON.parse(await r.body.text());
    }));
    ours.push(await timed('HttpExecutor.request', Math.round(requests / 3), concurrency, async () => {
      const r = await executor.request({ url: '/v1/customers/cus_123' });
      if (!r.ok) throw new Error('bench request failed');
    }));
  }
  const ratio = ours.reduce((a, b) => a + b) / raw.reduce((a, b) => a + b);
  console.log(`  ratio executor / raw: ${ratio.toFixed(2)} (goal ≥ 0.90)`);
  await agent.close();
  server.kill();
  return { ratio };
}
