import type { z } from 'zod';

/** A definition refused at registration; `issues` names the path of each bad field. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly connectorId: string, readonly issues: Array<{ path: string; message: string }>) {
    super(`connector definition "${connectorId}" is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }

  static fromZod(connectorId: string, error: z.ZodError): DefinitionError {
    return new DefinitionError(connectorId, error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })));
  }
}

export class DuplicateConnectorError extends Error {
  override readonly name = 'DuplicateConnectorError';
  constructor(readonly connectorId: string) {
    super(`connector "${connectorId}" is already registered`);
  }
}

export class UnknownConnectorError extends Error {
  override readonly name = 'UnknownConnectorError';
  constructor(readonly connectorId: string) {
    super(`no connector "${connectorId}" is registered`);
  }
}
