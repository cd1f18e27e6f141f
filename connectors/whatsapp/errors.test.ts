import { describe, expect, it } from 'vitest';
import { graphParamToField, parseGraphError } from './errors.js';

const graph = (status: number, error: Record<string, unknown>) => parseGraphError({ status, headers: {}, body: { error: { type: 'OAuthException', fbtrace_id: 'Axyz', ...error } } });

describe('Graph error bodies', () => {
  it("turns Graph's parameter names into dotted fields", () => {
    expect(graphParamToField("text['body']")).toBe('text.body');
    expect(graphParamToField("template['components'][0]['parameters'][1]['text']")).toBe('template.components.0.parameters.1.text');
  });

  it('names the field of a missing or refused parameter', () => {
    expect(graph(400, { code: 100, message: '(#100) The parameter messaging_product is required.' })?.fields).toEqual([{ field: 'messaging_product', message: '(#100) The parameter messaging_product is required.' }]);
    expect(graph(400, { code: 100, message: "(#100) Param text['body'] must be at most 4096 characters long." })?.fields?.map((f) => f.field)).toEqual(['text.body']);
    expect(graph(400, { code: 100, message: '(#100) Invalid parameter', error_data: { messaging_product: 'whatsapp', details: "Parameter 'text' is mandatory for component parameter type 'text'" } })?.fields?.map((f) => f.field)).toEqual(['text']);
  });

  it('decides on the code, not the status: throttling is transient although it comes as a 400', () => {
    expect(graph(400, { code: 130429, message: '(#130429) Rate limit hit' })?.kind).toBe('transient');
    expect(graph(400, { code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' })?.kind).toBe('transient');
    expect(graph(400, { code: 80007, message: 'Rate limit' })?.kind).toBe('transient');
    expect(graph(401, { code: 190, message: 'Error validating access token' })?.kind).toBe('permanent');
    expect(graph(403, { code: 200, message: 'Permissions error' })?.kind).toBe('permanent');
    expect(graph(404, { code: 132001, message: '(#132001) Template name does not exist in the translation' })).toMatchObject({ kind: 'validation', fields: [{ field: 'template.name' }] });
    expect(graph(400, { code: 100, message: '(#100) Invalid parameter' })?.kind).toBeUndefined();
  });

  it('keeps the code, the details and the trace id in the message', () => {
    expect(graph(400, { code: 131030, message: '(#131030) Recipient phone number not in allowed list', error_data: { details: 'Add recipient phone number to recipient list and try again.' } })).toMatchObject({
      code: '131030', message: '(#131030) Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again. (fbtrace_id Axyz)', fields: [{ field: 'to' }],
    });
  });

  it('leaves a body that is not Graph\'s to the status', () => {
    expect(parseGraphError({ status: 502, headers: {}, body: '<html>Bad gateway</html>' })).toBeUndefined();
  });
});
