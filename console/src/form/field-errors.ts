import type { FieldError } from '../http.js';

export interface SplitErrors {
  config: Record<string, string>;
  credentials: Record<string, string>;
  other: Record<string, string>;
}

/**
 * The API names fields by path (`config.subdomain`, `credentials.apiKey`, `name`); each error
 * goes beside its own field, a bare name to whichever form has that field.
 */
export function splitFieldErrors(fields: FieldError[], configNames: string[], credentialNames: string[]): SplitErrors {
  const split: SplitErrors = { config: {}, credentials: {}, other: {} };
  for (const { field, message } of fields) {
    const [head, ...rest] = field.split('.');
    const tail = rest.join('.');
    if (head === 'config' && tail) split.config[tail] = message;
    else if ((head === 'credentials' || head === 'secrets') && tail) split.credentials[tail] = message;
    else if (configNames.includes(field)) split.config[field] = message;
    else if (credentialNames.includes(field)) split.credentials[field] = message;
    else split.other[field] = message;
  }
  return split;
}
